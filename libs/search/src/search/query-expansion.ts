import { F, Filter } from '@ttm/search-engine';
import type { ListingKnowledge } from '../concepts/listing-concepts';
import type { IndexedListing } from '../index/indexed-listing';
import { ConceptRelation, expandConcepts } from '../matching/concept-evidence';

/** Relations a search follows from the concepts its query names (matching follows more: broader, related). */
const FOLLOWED: ReadonlySet<ConceptRelation> = new Set(['SAME', 'BRIDGE', 'NARROWER']);
/** At most this many concepts: the strongest, the query's own first. */
const MAX_EXPANSION_CONCEPTS = 12;
/** Listings shown below the literal results, and how many candidates they are chosen from. */
export const EXPANSION_HITS = 6;
export const EXPANSION_CANDIDATES = 60;

export interface ExpansionConcept {
  id: string;
  label: string;
  relation: ConceptRelation;
  /** The query's own concept it was reached from (itself for SAME). */
  fromId: string;
  fromLabel: string;
  weight: number;
}

export interface QueryExpansion {
  concepts: ExpansionConcept[];
  /** Listings naming any of the concepts. */
  filter: Filter;
}

/**
 * The concepts a search query names (a shop-floor 布面横条 as well as 织物疵点) and what the graph
 * leads to from them — the methods that address a problem, narrower concepts — for finding listings
 * written in other words. Undefined when the query names no concept.
 */
export function expandQuery(query: string, knowledge: ListingKnowledge): QueryExpansion | undefined {
  const own = knowledge.conceptsOf({ title: query, description: '', keywords: [] });
  if (own.length === 0) return undefined;
  const graph = knowledge.graph;
  const concepts = [...expandConcepts(graph, own).entries()]
    .filter(([, via]) => FOLLOWED.has(via.relation))
    .sort((a, b) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]))
    .slice(0, MAX_EXPANSION_CONCEPTS)
    .map(([id, via]) => ({ id, label: graph.label(id), relation: via.relation, fromId: via.from, fromLabel: graph.label(via.from), weight: via.weight }));
  return { concepts, filter: F.in('concepts', concepts.map((concept) => concept.id)) };
}

/**
 * The listings to show for the expansion: not on the literal page, ranked by the weight of the expanded
 * concepts they name, each with the strongest of them (what the page says it was found through).
 */
export function expansionHits(
  expansion: QueryExpansion,
  candidates: readonly IndexedListing[],
  shownIds: ReadonlySet<string>,
): { listing: IndexedListing; concept: ExpansionConcept; weight: number }[] {
  const byId = new Map(expansion.concepts.map((concept) => [concept.id, concept]));
  return candidates
    .filter((listing) => !shownIds.has(listing.id))
    .map((listing) => {
      const named = (listing.concepts ?? []).map((id) => byId.get(id)).filter((concept): concept is ExpansionConcept => concept !== undefined);
      const strongest = named.reduce<ExpansionConcept | undefined>((best, concept) => (!best || concept.weight > best.weight ? concept : best), undefined);
      return { listing, concept: strongest, weight: named.reduce((sum, concept) => sum + concept.weight, 0) };
    })
    .filter((entry): entry is { listing: IndexedListing; concept: ExpansionConcept; weight: number } => entry.concept !== undefined)
    .sort((a, b) => b.weight - a.weight || a.listing.id.localeCompare(b.listing.id))
    .slice(0, EXPANSION_HITS);
}
