import type { ListingFacts, MarketplaceStatsPage } from '@ttm/events';

/**
 * What the brokerage needs to know about listings, which the marketplace owns. The service reads it
 * over the marketplace's internal HTTP API (MarketplaceListingClient); it never reads those tables.
 */
export interface ListingDirectory {
  /** The listings with these ids that exist (any status), by id. */
  facts(ids: readonly string[]): Promise<Map<string, ListingFacts>>;
  /** Listings ever published, by kind, industry and month. */
  publishedCounts(): Promise<MarketplaceStatsPage>;
}

export const LISTING_DIRECTORY = Symbol('LISTING_DIRECTORY');
