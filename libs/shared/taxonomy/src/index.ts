export * from './industries';
export * from './regions';
export * from './cooperation-modes';
