/** The PostgreSQL schema the brokerage owns; no other service reads it. */
export const BROKERAGE_SCHEMA = 'brokerage';

/** The service's AppConfig, for providers that need it. */
export const BROKERAGE_CONFIG = Symbol('BROKERAGE_CONFIG');
