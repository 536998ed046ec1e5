export * from './graph/concept';
export * from './graph/knowledge-graph';
export * from './graph/skos';
export * from './graph/validation';
export * from './graph/seed';
export * from './annotation/annotator';
