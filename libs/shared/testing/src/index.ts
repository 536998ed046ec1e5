export * from './test-database';
export * from './free-ports';
