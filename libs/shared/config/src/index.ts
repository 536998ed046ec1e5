export * from './config';
export * from './secrets';
export * from './production-rules';
