export * from './test-database';
export * from './free-ports';
export * from './smtp-sink';
export * from './internal-routes-fake';
export * from './revocation-feed';
export * from './post-json-from';
