import { Injectable } from '@nestjs/common';
import { F, SearchHit as EngineHit, SearchRequest } from '@ttm/search-engine';
import { listingKnowledge } from '../concepts/listing-concepts';
import type { IndexedListing } from '../index/indexed-listing';
import { ListingIndex } from '../index/listing-index.provider';
import { facetLabel } from './facet-labels';
import { EXPANSION_CANDIDATES, ExpansionConcept, expansionHits, expandQuery, QueryExpansion } from './query-expansion';
import { FACET_FIELDS, encodeOffsetCursor, toSearchRequest } from './search-request';
import { SearchInput } from './search.inputs';
import { SearchExpansion, SearchFacet, SearchHit, SearchResponse } from './search.model';

/**
 * Answers `search`: the index holds only published listings and never contact details. On the first
 * page of a query that names knowledge-graph concepts, the listings those concepts (and what addresses
 * them) find beyond the literal page are returned apart, below it, each with the concept it was found
 * through — weighted below the words, and said so.
 */
@Injectable()
export class SearchService {
  constructor(private readonly listings: ListingIndex) {}

  async search(input: SearchInput): Promise<SearchResponse> {
    const request = toSearchRequest(input);
    const offset = request.offset ?? 0;
    const expansion = request.query && offset === 0 ? expandQuery(request.query, listingKnowledge()) : undefined;
    const [response, expanded] = await this.listings.index.searchMany([
      request,
      ...(expansion ? [expansionRequest(request, expansion)] : []),
    ]);
    const nextOffset = offset + response.hits.length;
    return {
      hits: response.hits.map(toHit),
      facetDistribution: (input.facets ?? []).map((facet: SearchFacet) => ({
        facet,
        values: Object.entries(response.facetDistribution[FACET_FIELDS[facet]] ?? {}).map(([value, count]) => ({
          value,
          count,
          ...facetLabel(facet, value),
        })),
      })),
      totalHits: response.totalHits,
      processingTimeMs: response.processingTimeMs,
      pageInfo: {
        hasNextPage: nextOffset < response.totalHits && response.hits.length > 0,
        endCursor: response.hits.length > 0 ? encodeOffsetCursor(nextOffset) : null,
      },
      expansion: expansion && expanded ? toExpansion(expansion, expanded.hits, new Set(response.hits.map((hit) => hit.id))) : null,
    };
  }
}

/** The same filters (kinds, industries …) as the literal search, listings naming an expanded concept, no words. */
function expansionRequest(literal: SearchRequest, expansion: QueryExpansion): SearchRequest {
  return { filter: literal.filter ? F.and(literal.filter, expansion.filter) : expansion.filter, limit: EXPANSION_CANDIDATES };
}

function toExpansion(expansion: QueryExpansion, candidates: readonly EngineHit<IndexedListing>[], shown: ReadonlySet<string>): SearchExpansion | null {
  const hits = expansionHits(
    expansion,
    candidates.map((hit) => hit.document),
    shown,
  );
  if (hits.length === 0) return null;
  return {
    concepts: expansion.concepts.map(toConcept),
    hits: hits.map(({ listing, concept }) => ({
      hit: { kind: listing.kind, id: listing.id, score: 0, highlights: [], node: { id: listing.id, kind: listing.kind } },
      concept: toConcept(concept),
    })),
  };
}

function toConcept(concept: ExpansionConcept) {
  return { id: concept.id, label: concept.label, relation: concept.relation, fromLabel: concept.fromLabel };
}

function toHit(hit: EngineHit<IndexedListing>): SearchHit {
  return {
    kind: hit.document.kind,
    id: hit.id,
    score: hit.score,
    highlights: Object.entries(hit.highlights).map(([field, snippets]) => ({ field, snippets })),
    node: { id: hit.id, kind: hit.document.kind },
  };
}
