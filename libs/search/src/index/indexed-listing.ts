import type { ListingDocument } from '@ttm/events';
import { LISTING_INDEX_SCHEMA } from '@ttm/search-engine';
import type { IndexSchema } from '@ttm/search-engine';
import { industryPath, regionPath } from '@ttm/taxonomy';
import { listingKnowledge, ListingKnowledge } from '../concepts/listing-concepts';

/**
 * A listing as the index holds it: the marketplace's public document plus the taxonomy paths, so that
 * filtering by 纺织 finds 经编 listings and filtering by 嘉兴市 finds 海宁市 ones, and a facet count for a
 * code equals the hits of filtering by that code.
 */
export interface IndexedListing extends ListingDocument {
  industryPath: string[];
  regionPath: string[];
  /** One price to sort mixed kinds by: a result's asking price, a need's budget ceiling, a challenge's bounty. */
  price: number | null;
  /** Knowledge-graph concepts the listing names (ids, most mentioned first): the 技术领域 facet and concept matching. */
  concepts: string[];
  /** The graph version `concepts` were annotated with; a rebuild re-annotates listings of another version. */
  conceptsVersion: string;
}

export const LISTINGS_INDEX = 'listings';

export const INDEXED_LISTING_SCHEMA: IndexSchema<IndexedListing> = {
  fields: {
    ...LISTING_INDEX_SCHEMA.fields,
    industryPath: { type: 'keyword', filterable: true, facet: true },
    regionPath: { type: 'keyword', filterable: true, facet: true },
    price: { type: 'number', filterable: true, sortable: true },
    concepts: { type: 'keyword', filterable: true, facet: true },
    conceptsVersion: { type: 'keyword', filterable: true },
  },
};

export function toIndexedListing(document: ListingDocument, knowledge: ListingKnowledge = listingKnowledge()): IndexedListing {
  return {
    ...document,
    industryPath: industryPath(document.industry).map((industry) => industry.code),
    regionPath: document.region ? regionPath(document.region).map((region) => region.code) : [],
    price: document.askingPrice ?? document.budgetMax ?? document.bounty ?? null,
    concepts: knowledge.conceptsOf(document),
    conceptsVersion: knowledge.version,
  };
}
