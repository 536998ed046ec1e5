export * from './industries';
export * from './regions';
export * from './synonyms';
export * from './cooperation-modes';
export * from './ip-types';
export * from './listing-limits';
