/** The PostgreSQL schema this service owns; no other service reads it. */
export const MARKETPLACE_SCHEMA = 'marketplace';

/** Injection token of the service's AppConfig. */
export const MARKETPLACE_CONFIG = Symbol('MARKETPLACE_CONFIG');
