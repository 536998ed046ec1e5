import { Injectable } from '@nestjs/common';
import { badInput } from '@ttm/errors';
import { SearchService } from '../search/search.service';
import { SearchFacet, SearchKind } from '../search/search.model';
import { listingKnowledge } from '../concepts/listing-concepts';
import { conceptIndustries, industriesNamed, rankIndustries, suggestKeywords, SUGGESTED_INDUSTRIES } from './listing-tags';
import { ListingTagSuggestion } from './listing-tags.model';

export const MAX_SUGGEST_TEXT = 5000;
/** How many of the keywords look up where published listings about them sit. */
const KEYWORDS_SEARCHED = 4;

/** Suggests keywords and an industry for a need or result while its author writes it. */
@Injectable()
export class ListingTagsService {
  constructor(private readonly search: SearchService) {}

  async suggest(text: string): Promise<ListingTagSuggestion> {
    if (text.length > MAX_SUGGEST_TEXT) throw badInput(`The text is too long to analyse: at most ${MAX_SUGGEST_TEXT} characters`);
    if (text.trim() === '') return { keywords: [], industries: [] };
    const keywords = suggestKeywords(text);
    const facetCounts = new Map<string, number>();
    const responses = await Promise.all(
      keywords.slice(0, KEYWORDS_SEARCHED).map((query) =>
        this.search.search({ query, first: 1, facets: [SearchFacet.INDUSTRY], kinds: [SearchKind.NEED, SearchKind.RESULT, SearchKind.CHALLENGE] }),
      ),
    );
    responses.forEach((response, rank) => {
      // Earlier (more telling) keywords weigh more.
      const weight = 1 / (rank + 1);
      for (const value of response.facetDistribution[0]?.values ?? []) facetCounts.set(value.value, (facetCounts.get(value.value) ?? 0) + value.count * weight);
    });
    const industries = rankIndustries(industriesNamed(text), facetCounts, SUGGESTED_INDUSTRIES, conceptIndustries(listingKnowledge(), text)).map(({ industry, confidence }) => ({
      code: industry.code,
      name: industry.name,
      parent: industry.parent,
      confidence: Math.round(confidence * 1000) / 1000,
    }));
    return { keywords, industries };
  }
}
