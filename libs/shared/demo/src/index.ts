export * from './types';
export * from './accounts';
export * from './listings';
export * from './challenges';
export * from './brokerage';
