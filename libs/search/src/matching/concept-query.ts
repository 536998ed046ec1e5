import type { ListingKind } from '@ttm/events';
import { normalizeForAnnotation } from '@ttm/knowledge';
import { F, Filter, SearchIndex, SearchRequest } from '@ttm/search-engine';
import { annotatedText, ListingKnowledge } from '../concepts/listing-concepts';
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
  /** Per candidate: ranking asks twice (the shortlist, then the full scoring). */
  private readonly evidenceOf = new Map<string, ConceptEvidence>();

  /**
   * @param sourceWords per source concept, the labels the source names it by (normalised for annotation).
   */
  constructor(
    private readonly knowledge: ListingKnowledge,
    readonly sourceConcepts: readonly string[],
    readonly expansion: ReadonlyMap<string, ExpandedConcept>,
    private readonly idf: ReadonlyMap<string, number>,
    private readonly sourceWords: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    const own = sourceConcepts.map((concept) => idf.get(concept)).filter((value): value is number => value !== undefined);
    this.sourceMass = own.reduce((sum, value) => sum + value, 0);
  }

  /** The candidate's concept evidence; its concepts as indexed, or annotated now when the graph changed since. */
  evidence(candidate: IndexedListing): ConceptEvidence {
    const known = this.evidenceOf.get(candidate.id);
    if (known) return known;
    const concepts = candidate.conceptsVersion === this.knowledge.version ? candidate.concepts : this.knowledge.conceptsOf(candidate);
    const match = conceptMatch(this.expansion, concepts, (concept) => this.idf.get(concept) ?? 0, this.sourceMass, this.creditFor(candidate));
    const evidence = { value: match.value, reason: match.best ? conceptReason(this.knowledge.graph, match.best) : null };
    this.evidenceOf.set(candidate.id, evidence);
    return evidence;
  }

  /**
   * A concept both listings name in the same words is already counted by text relevance: it gets
   * `CONCEPTS.sameWordsCredit`; named in other words (a shop-floor word and the researchers' term, Chinese
   * and English) or reached through a link, it counts in full — that is what the graph adds to the words.
   */
  private creditFor(candidate: IndexedListing): (concept: string, via: ExpandedConcept) => number {
    let text: string | undefined;
    return (concept, via) => {
      const words = via.relation === 'SAME' ? this.sourceWords.get(concept) : undefined;
      if (!words) return 1;
      text ??= normalizeForAnnotation(annotatedText(candidate));
      const inText = text;
      return words.some((word) => inText.includes(word)) ? CONCEPTS.sameWordsCredit : 1;
    };
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
  // Annotated afresh (not the indexed concepts): the words it names each concept by are wanted too.
  const annotations = knowledge.annotationsOf(source);
  if (annotations.length === 0) return undefined;
  const sourceConcepts = annotations.map((annotation) => annotation.concept);
  const sourceWords = new Map(annotations.map((annotation) => [annotation.concept, annotation.labels.map(normalizeForAnnotation)]));
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
  return new ConceptQuery(knowledge, sourceConcepts, expansion, idf, sourceWords);
}
