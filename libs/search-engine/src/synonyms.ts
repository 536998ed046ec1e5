import { badInput } from '@ttm/errors';
import { isLatinToken, normalizeText } from './text/analyzer';

const MAX_GROUPS = 5000;
const MAX_TERM_CHARS = 64;

/**
 * Trims and de-duplicates synonym groups; drops groups with fewer than two distinct terms. A term
 * in two groups would make "synonym of" ambiguous, so such input is refused.
 */
export function normalizeSynonymGroups(groups: readonly (readonly string[])[]): string[][] {
  if (!Array.isArray(groups) || groups.length > MAX_GROUPS) throw badInput(`Synonyms must be a list of at most ${MAX_GROUPS} groups`);
  const seen = new Map<string, number>();
  const out: string[][] = [];
  for (const group of groups) {
    if (!Array.isArray(group)) throw badInput('Each synonym group must be a list of terms');
    const terms: string[] = [];
    for (const raw of group) {
      if (typeof raw !== 'string') throw badInput('Synonym terms must be strings');
      const term = raw.trim().replace(/\s+/g, ' ');
      if (term === '') continue;
      if (term.length > MAX_TERM_CHARS) throw badInput(`Synonym "${term.slice(0, 20)}…" is longer than ${MAX_TERM_CHARS} characters`);
      const key = normalizeText(term);
      if (terms.some((existing) => normalizeText(existing) === key)) continue;
      const other = seen.get(key);
      if (other !== undefined && other !== out.length) throw badInput(`Synonym "${term}" appears in two groups: merge them`);
      terms.push(term);
    }
    if (terms.length < 2) continue;
    for (const term of terms) seen.set(normalizeText(term), out.length);
    out.push(terms);
  }
  return out;
}

/** Meilisearch's synonyms setting: every term maps to the others of its group (mutual). */
export function toMeilisearchSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) out[term] = group.filter((other) => other !== term);
  }
  return out;
}

export interface SynonymSpan {
  start: number;
  end: number;
  group: number;
}

/** Finds synonym terms in a normalized query, longest first, without overlaps. */
export class SynonymMatcher {
  private readonly terms: { term: string; group: number; latin: boolean }[];

  constructor(readonly groups: readonly (readonly string[])[]) {
    this.terms = groups
      .flatMap((group, index) => group.map((term) => ({ term: normalizeText(term), group: index, latin: isLatinToken(normalizeText(term).replace(/ /g, '')) })))
      .sort((a, b) => b.term.length - a.term.length);
  }

  get empty(): boolean {
    return this.terms.length === 0;
  }

  find(normalizedQuery: string): SynonymSpan[] {
    const spans: SynonymSpan[] = [];
    const taken = new Uint8Array(normalizedQuery.length);
    for (const { term, group, latin } of this.terms) {
      for (let at = normalizedQuery.indexOf(term); at >= 0; at = normalizedQuery.indexOf(term, at + 1)) {
        const end = at + term.length;
        if (latin && (/[a-z0-9]/.test(normalizedQuery[at - 1] ?? '') || /[a-z0-9]/.test(normalizedQuery[end] ?? ''))) continue;
        let free = true;
        for (let i = at; i < end && free; i++) free = taken[i] === 0;
        if (!free) continue;
        taken.fill(1, at, end);
        spans.push({ start: at, end, group });
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  }
}
