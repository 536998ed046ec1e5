export * from './test-database';
export * from './free-ports';
export * from './smtp-sink';
export * from './post-json-from';
