import { ConceptRecord, GraphProblem } from '@ttm/knowledge';
import { StoredConcept } from './concept.repository';
import { labelIdentity, newProblems } from './graph-checks';

export interface SeedMerge {
  /** The stored concepts after the import (tombstones included). */
  next: Map<string, StoredConcept>;
  /** Concepts added or changed by the seed. */
  written: StoredConcept[];
  /** Seed concepts the seed files no longer have (and nothing curated links to): removed. */
  removed: string[];
  /** What was left out of seed concepts so they fit the curators' edits. */
  adjustments: string[];
  /** Problems the merge brings that the seed files do not have themselves: when any, the import is not applied. */
  problems: GraphProblem[];
}

const sameRecord = (a: ConceptRecord, b: ConceptRecord) => JSON.stringify(a) === JSON.stringify(b);
export const isCurated = (concept: StoredConcept) => concept.curatedAt !== null || concept.deletedAt !== null;

/**
 * Imports the seed files into the stored graph. The rule (one place): **a concept edited or deleted
 * through the API belongs to the curators, and the seed never changes, removes or resurrects it; every
 * other concept follows the seed** — added, replaced by the seed's version, or removed when the seed
 * drops it (kept while a curated concept links to it). A concept that is a search synonym group keeps
 * its flag and the pref/alt labels the synonym list gave it. Where a seed concept would clash with the
 * curators' work, the seed gives way: its links to concepts curators deleted and its labels a curated
 * concept holds are left out (listed in `adjustments`). If the merged graph still has a problem the seed
 * files alone do not have, nothing is applied.
 */
export function mergeSeed(current: ReadonlyMap<string, StoredConcept>, seed: readonly ConceptRecord[], at: Date): SeedMerge {
  const next = new Map(current);
  const seedIds = new Set(seed.map((concept) => concept.id));
  const fromSeed = new Set<string>();
  for (const concept of seed) {
    const stored = current.get(concept.id);
    if (stored && isCurated(stored)) continue;
    const record: ConceptRecord = structuredClone(concept);
    if (stored?.record.searchSynonyms) {
      record.searchSynonyms = true;
      const held = new Set(record.labels.map(labelIdentity));
      for (const label of stored.record.labels) {
        if (label.type !== 'HIDDEN' && !held.has(labelIdentity(label))) record.labels.push({ ...label, type: 'ALT' });
      }
    }
    next.set(concept.id, { record, origin: stored?.origin ?? 'SEED', curatedAt: null, deletedAt: null, updatedBy: stored?.updatedBy ?? null, updatedAt: stored?.updatedAt ?? at });
    fromSeed.add(concept.id);
  }

  const live = () => [...next.values()].filter((concept) => concept.deletedAt === null);
  const linksOf = (record: ConceptRecord) => [...record.broader, ...record.related, ...record.addressedBy.map((link) => link.target)];
  const curatedTargets = new Set(live().filter(isCurated).flatMap((concept) => linksOf(concept.record)));
  const removed: string[] = [];
  for (const [id, stored] of current) {
    if (seedIds.has(id) || stored.origin !== 'SEED' || isCurated(stored) || curatedTargets.has(id)) continue;
    next.delete(id);
    removed.push(id);
  }

  const adjustments: string[] = [];
  const liveIds = new Set(live().map((concept) => concept.record.id));
  const curatedLabels = new Map<string, string>();
  for (const concept of live().filter(isCurated)) for (const label of concept.record.labels) curatedLabels.set(labelIdentity(label), concept.record.id);
  for (const id of fromSeed) {
    const record = (next.get(id) as StoredConcept).record;
    const dangling = linksOf(record).filter((target) => !liveIds.has(target));
    if (dangling.length > 0) {
      record.broader = record.broader.filter((target) => liveIds.has(target));
      record.related = record.related.filter((target) => liveIds.has(target));
      record.addressedBy = record.addressedBy.filter((link) => liveIds.has(link.target));
      adjustments.push(`${id}: left out links to ${dangling.join(', ')} (deleted by curators)`);
    }
    const clashing = record.labels.filter((label) => curatedLabels.has(labelIdentity(label)));
    if (clashing.length > 0 && record.notes.length === 0) {
      record.labels = record.labels.filter((label) => !curatedLabels.has(labelIdentity(label)));
      adjustments.push(`${id}: left out labels ${clashing.map((label) => `"${label.value}"`).join(', ')} (held by ${clashing.map((label) => curatedLabels.get(labelIdentity(label))).join(', ')})`);
    }
  }

  const written = [...fromSeed].map((id) => next.get(id) as StoredConcept).filter((concept) => {
    const before = current.get(concept.record.id);
    return !before || before.deletedAt !== null || !sameRecord(before.record, concept.record);
  });
  // The seed files' own flaws are theirs (the seed tests and tools/knowledge/check-data.ts report them);
  // only what the merge with the curators' work adds stops the import.
  return { next, written, removed, adjustments, problems: newProblems(seed, live().map((concept) => concept.record)) };
}
