import { Injectable } from '@nestjs/common';
import { ListingIndex } from '../index/listing-index.provider';
import { facetLabel } from './facet-labels';
import { FACET_FIELDS, encodeOffsetCursor, toSearchRequest } from './search-request';
import { SearchInput } from './search.inputs';
import { SearchFacet, SearchResponse } from './search.model';

/** Answers `search`: the index holds only published listings and never contact details. */
@Injectable()
export class SearchService {
  constructor(private readonly listings: ListingIndex) {}

  async search(input: SearchInput): Promise<SearchResponse> {
    const request = toSearchRequest(input);
    const response = await this.listings.index.search(request);
    const offset = request.offset ?? 0;
    const nextOffset = offset + response.hits.length;
    return {
      hits: response.hits.map((hit) => ({
        kind: hit.document.kind,
        id: hit.id,
        score: hit.score,
        highlights: Object.entries(hit.highlights).map(([field, snippets]) => ({ field, snippets })),
        node: { id: hit.id, kind: hit.document.kind },
      })),
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
    };
  }
}
