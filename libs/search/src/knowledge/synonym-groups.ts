import { badInput, conflict } from '@ttm/errors';
import { ConceptLabel, ConceptRecord, LabelLanguage } from '@ttm/knowledge';
import { createHash } from 'node:crypto';
import { labelIdentity } from './graph-checks';

/**
 * The search synonyms (同义词表) as part of the graph. The mapping, in one place:
 * - a synonym group **is** a concept flagged `searchSynonyms`; the group's id is the concept id;
 * - its terms are the concept's pref and alt labels (Chinese and English, the Chinese name first);
 *   hidden labels (shop-floor words) stay out of the engine's synonyms, as before;
 * - the engine is fed every flagged concept's terms (`synonymGroupsOf`), so search treats them as one.
 * A new group whose first term (or, failing that, every term it shares with the graph) names exactly one
 * concept joins that concept; otherwise it becomes a concept of its own (origin SYNONYMS, kind FIELD,
 * with an editorial note asking curators to complete it).
 */
export const SYNONYM_CONCEPT_NOTE = '由同义词表创建：请补全类型、行业与上位概念 / created from the search synonym list: complete its kind, industries and broader concepts';

const CJK = /[\u3400-\u9fff]/;
export const termLanguage = (term: string): LabelLanguage => (CJK.test(term) ? 'zh' : 'en');
const cleanTerm = (term: string) => term.trim().replace(/\s+/g, ' ');

/** A group's terms: the pref labels (Chinese first), then the alt labels, each once. */
export function synonymTerms(record: ConceptRecord): string[] {
  const ordered = [
    ...record.labels.filter((label) => label.type === 'PREF' && label.language === 'zh'),
    ...record.labels.filter((label) => label.type === 'PREF' && label.language !== 'zh'),
    ...record.labels.filter((label) => label.type === 'ALT'),
  ];
  return [...new Set(ordered.map((label) => label.value))];
}

export function synonymGroupsOf(records: readonly ConceptRecord[]): string[][] {
  return records.filter((record) => record.searchSynonyms).map(synonymTerms);
}

/**
 * Who holds which label, built once per graph (a scan of every label): by the exact term (case kept, so
 * GaN does not pick GAN) to choose the concept a group joins, and by validateGraph's key for clashes.
 */
export class LabelOwners {
  readonly byId = new Map<string, ConceptRecord>();
  private readonly exact = new Map<string, string[]>();
  private readonly identity = new Map<string, string[]>();

  constructor(records: readonly ConceptRecord[]) {
    records.forEach((record) => this.add(record));
  }

  /** Adds a record, or replaces the one with its id. */
  add(record: ConceptRecord): void {
    const previous = this.byId.get(record.id);
    if (previous) this.index(previous, false);
    this.byId.set(record.id, record);
    this.index(record, true);
  }

  exactOwners(term: string): string[] {
    return this.exact.get(cleanTerm(term)) ?? [];
  }

  /** The other concepts holding a label with the same validateGraph key. */
  clashes(label: ConceptLabel, except: string): ConceptRecord[] {
    return (this.identity.get(labelIdentity(label)) ?? []).filter((id) => id !== except).map((id) => this.byId.get(id) as ConceptRecord);
  }

  private index(record: ConceptRecord, add: boolean): void {
    for (const label of record.labels) {
      for (const [map, key] of [[this.exact, cleanTerm(label.value)], [this.identity, labelIdentity(label)]] as const) {
        const list = (map.get(key) ?? []).filter((id) => id !== record.id);
        if (add) list.push(record.id);
        map.set(key, list);
      }
    }
  }
}

export interface SynonymPlacement {
  /** The concept after the group joined it (a new one when `created`). */
  record: ConceptRecord;
  created: boolean;
  /** Terms left out because another concept holds them (only when lenient). */
  dropped: string[];
}

/** Distinct, cleaned terms; at least two. */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = cleanTerm(raw);
    const key = labelIdentity({ language: termLanguage(term), value: term });
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  if (out.length < 2) throw badInput('A synonym group needs at least 2 different terms / 同义词组至少需要 2 个不同的词', { field: 'terms' });
  return out;
}

/**
 * Places a new group in the graph (see the mapping above). Strict (the API): a term held by another
 * synonym group is BAD_USER_INPUT, by another concept CONFLICT. Lenient (moving the old synonym list in):
 * such terms are left out and reported.
 */
export function placeSynonymGroup(owners: LabelOwners, terms: readonly string[], lenient: boolean): SynonymPlacement | null {
  const cleaned = cleanTerms(terms);
  const byId = owners.byId;
  const first = owners.exactOwners(cleaned[0] as string);
  const all = [...new Set(cleaned.flatMap((term) => owners.exactOwners(term)))];
  const targetId = first.length === 1 ? first[0] : first.length === 0 && all.length === 1 ? all[0] : undefined;
  const existing = targetId ? byId.get(targetId) : undefined;
  if (existing?.searchSynonyms && !lenient) {
    throw badInput(`Synonym "${cleaned[0]}" appears in two groups: merge them (edit the group of ${existing.id}) / 该词已在另一同义词组中，请编辑该组`, { field: 'terms', concept: existing.id });
  }
  const record: ConceptRecord = existing
    ? structuredClone(existing)
    : { id: newSynonymConceptId(cleaned[0] as string, byId), kind: 'FIELD', industries: [], labels: [], broader: [], related: [], addressedBy: [], notes: [SYNONYM_CONCEPT_NOTE] };
  const dropped = setSynonymTerms(record, existing ? [...synonymTerms(existing), ...cleaned] : cleaned, owners, lenient);
  if (synonymTerms(record).length < 2) return null;
  record.searchSynonyms = true;
  return { record, created: !existing, dropped };
}

/**
 * Makes `terms` the concept's pref and alt labels: pref labels still among the terms stay pref, the
 * first Chinese term becomes the Chinese name if it lost its own, the rest are alt labels; a hidden label
 * equal to a term becomes visible. Terms other concepts hold are refused (strict) or left out (lenient).
 */
export function setSynonymTerms(record: ConceptRecord, terms: readonly string[], owners: LabelOwners, lenient: boolean): string[] {
  const cleaned = cleanTerms(terms);
  const dropped: string[] = [];
  const wanted: ConceptLabel[] = [];
  for (const term of cleaned) {
    const label: ConceptLabel = { type: 'ALT', language: termLanguage(term), value: term };
    const other = owners.clashes(label, record.id).find((candidate) => candidate.notes.length === 0) ?? (record.notes.length === 0 ? owners.clashes(label, record.id)[0] : undefined);
    if (other) {
      if (!lenient) {
        if (other.searchSynonyms) throw badInput(`Synonym "${term}" appears in two groups: merge them (it is in the group of ${other.id}) / 「${term}」已在另一同义词组中`, { field: 'terms', concept: other.id });
        throw conflict(`"${term}" is already a label of concept ${other.id}: edit that concept instead / 「${term}」已是概念 ${other.id} 的标签`, { field: 'terms', concept: other.id });
      }
      dropped.push(term);
      continue;
    }
    wanted.push(label);
  }
  const wantedKeys = new Set(wanted.map(labelIdentity));
  const prefs = record.labels.filter((label) => label.type === 'PREF' && wantedKeys.has(labelIdentity(label)));
  const prefKeys = new Set(prefs.map(labelIdentity));
  if (!prefs.some((label) => label.language === 'zh')) {
    const name = wanted.find((label) => label.language === 'zh') ?? wanted[0];
    if (name) {
      prefs.unshift({ type: 'PREF', language: 'zh', value: name.value });
      prefKeys.add(labelIdentity(name));
    }
  }
  const alts = wanted.filter((label) => !prefKeys.has(labelIdentity(label)));
  const hidden = record.labels.filter((label) => label.type === 'HIDDEN' && !wantedKeys.has(labelIdentity(label)));
  record.labels = [...prefs, ...alts, ...hidden];
  return dropped;
}

function newSynonymConceptId(term: string, byId: ReadonlyMap<string, ConceptRecord>): string {
  const base = `syn-${createHash('sha256').update(term).digest('hex').slice(0, 10)}`;
  let id = base;
  for (let n = 2; byId.has(id); n++) id = `${base}-${n}`;
  return id;
}
