export * from './gateway.module';
export * from './hardening';
export * from './subgraphs';
export * from './supergraph';
