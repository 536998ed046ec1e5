export * from './outbox-event.entity';
export * from './outbox';
export * from './listing-events';
export * from './internal-listings';
export * from './internal-users';
export * from './match-outcomes';
