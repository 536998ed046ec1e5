export * from './marketplace-app.module';
export * from './marketplace.constants';
export { ListingStatus } from './listing/listing-status';
export { toListingDocument } from './listing/listing-document';
export { isValidPatentNumber, patentCheckCharacter } from './listing/patent-number';
export { MAX_FEED_LIMIT } from './feed/feed.controller';
