import type { ListingKind } from '@ttm/events';
import { F, Filter, SearchIndex, SearchRequest } from '@ttm/search-engine';
import type { ListingKnowledge } from '../concepts/listing-concepts';
import type { IndexedListing } from '../index/indexed-listing';
import { conceptIdf, conceptMatch, conceptReason, expandConcepts, ExpandedConcept } from './concept-evidence';
import { CONCEPTS } from './match-weights';

/** Concept evidence of one candidate, as scorePair takes it. */
export interface ConceptEvidence {
  value: number;
  reason: string | null;
}

/** A source's concepts, expanded through the graph, with the document frequencies to weigh them. */
export class ConceptQuery {
  private readonly sourceMass: number;

  constructor(
    private readonly knowledge: ListingKnowledge,
    readonly sourceConcepts: readonly string[],
    readonly expansion: ReadonlyMap<string, ExpandedConcept>,
    private readonly idf: ReadonlyMap<string, number>,
  ) {
    const own = sourceConcepts.map((concept) => idf.get(concept)).filter((value): value is number => value !== undefined);
    this.sourceMass = own.reduce((sum, value) => sum + value, 0);
  }

  /** The candidate's concept evidence; its concepts as indexed, or annotated now when the graph changed since. */
  evidence(candidate: IndexedListing): ConceptEvidence {
    const concepts = candidate.conceptsVersion === this.knowledge.version ? candidate.concepts : this.knowledge.conceptsOf(candidate);
    const match = conceptMatch(this.expansion, concepts, (concept) => this.idf.get(concept) ?? 0, this.sourceMass);
    return { value: match.value, reason: match.best ? conceptReason(this.knowledge.graph, match.best) : null };
  }
}

const DF_TTL_MS = 60_000;
const DF_CACHE_LIMIT = 50_000;

/** How many listings of a kind name a concept, as counted in the last minute (one per index: the Matcher's). */
export class ConceptFrequencies {
  private readonly counted = new Map<string, { df: number; at: number }>();

  fresh(kind: ListingKind, concept: string, now: number): boolean {
    const entry = this.counted.get(key(kind, concept));
    return entry !== undefined && now - entry.at < DF_TTL_MS;
  }

  get(kind: ListingKind, concept: string): number {
    return this.counted.get(key(kind, concept))?.df ?? 0;
  }

  set(kind: ListingKind, concept: string, df: number, now: number): void {
    if (this.counted.size > DF_CACHE_LIMIT) this.counted.clear();
    this.counted.set(key(kind, concept), { df, at: now });
  }
}

const key = (kind: ListingKind, concept: string) => `${kind}\u0000${concept}`;

/**
 * Builds the concept query of a source listing and retrieves, in one round trip, the listings naming its
 * strongest reached concepts (`CONCEPTS.retrievalConcepts`, freshest first; `onCandidate` gets each) — so a
 * result written in other words than the need (or in English) is among the candidates at all — and
 * counts the document frequency of every scored concept not counted in the last minute.
 * Undefined when the source names no concept.
 */
export async function conceptQueryFor(
  index: SearchIndex<IndexedListing>,
  frequencies: ConceptFrequencies,
  knowledge: ListingKnowledge,
  source: IndexedListing,
  kind: ListingKind,
  filter: Filter,
  documents: number,
  onCandidate: (listing: IndexedListing) => void,
): Promise<ConceptQuery | undefined> {
  const sourceConcepts = source.conceptsVersion === knowledge.version ? source.concepts : knowledge.conceptsOf(source);
  if (!sourceConcepts?.length) return undefined;
  const expansion = expandConcepts(knowledge.graph, sourceConcepts);
  const scored = [...expansion.entries()]
    // The source's own concepts first: they are what a listing in other words (or in English) shares with it.
    .sort((a, b) => Number(b[1].relation === 'SAME') - Number(a[1].relation === 'SAME') || b[1].weight - a[1].weight || a[0].localeCompare(b[0]))
    .slice(0, CONCEPTS.scoredConcepts)
    .map(([concept]) => concept);
  const now = Date.now();
  const requests: { concept: string; request: SearchRequest }[] = [];
  scored.forEach((concept, rank) => {
    const retrieve = rank < CONCEPTS.retrievalConcepts;
    if (!retrieve && frequencies.fresh(kind, concept, now)) return;
    requests.push({
      concept,
      request: {
        filter: F.and(filter, F.eq('concepts', concept)),
        limit: retrieve ? CONCEPTS.perConceptLimit : 0,
        sort: retrieve ? [{ field: 'publishedAt', direction: 'desc' }] : undefined,
      },
    });
  });
  const responses = requests.length ? await index.searchMany(requests.map((item) => item.request)) : [];
  responses.forEach((response, i) => {
    frequencies.set(kind, requests[i].concept, response.totalHits, now);
    for (const hit of response.hits) onCandidate(hit.document);
  });
  const idf = new Map<string, number>();
  for (const concept of scored) {
    const df = frequencies.get(kind, concept);
    // A concept no listing names cannot be evidence; its IDF is not needed.
    if (df > 0) idf.set(concept, conceptIdf(df, Math.max(documents, df)));
  }
  return new ConceptQuery(knowledge, sourceConcepts, expansion, idf);
}
