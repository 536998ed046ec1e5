export * from './search-app.module';
export * from './index/indexed-listing';
export * from './indexer/listing-indexer.service';
export type { ReindexStatus } from './reindex/reindex.controller';
export * from './matching';
export * from './alerts';
export { listingKnowledge, ListingKnowledge, useListingKnowledge } from './concepts/listing-concepts';
