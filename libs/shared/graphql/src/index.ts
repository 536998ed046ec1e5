export * from './subgraph.module';
export * from './pagination';
export * from './bootstrap';
