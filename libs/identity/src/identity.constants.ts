import { AppConfig } from '@ttm/config';

/** The PostgreSQL schema the identity service owns. */
export const IDENTITY_SCHEMA = 'identity';

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

/** What the identity service reads from the validated configuration. */
export type IdentityConfig = Pick<AppConfig, 'adminEmail' | 'adminPassword' | 'seedDemo' | 'smtpUrl' | 'mailFrom' | 'publicUrl'>;
