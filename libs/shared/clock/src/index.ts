export * from './china-clock';
