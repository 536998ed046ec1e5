export * from './subgraph.module';
export * from './pagination';
export * from './bootstrap';
export * from './query-limits';
export * from './security-headers';
export * from './gateway-only';
export * from './health';
