export * from './match-weights';
export * from './match-evidence';
export * from './match-text';
export * from './matcher';
export { INDEXED_LISTING_SCHEMA, toIndexedListing } from '../index/indexed-listing';
export type { IndexedListing } from '../index/indexed-listing';
