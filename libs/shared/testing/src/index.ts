export * from './test-database';
export * from './free-ports';
export * from './smtp-sink';
export * from './revocation-feed';
export * from './post-json-from';
