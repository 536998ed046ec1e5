export * from './gateway.module';
export * from './gateway-token';
export * from './service-unavailable';
export * from './subgraph-data-source';
export * from './supergraph';
