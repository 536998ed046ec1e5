import { IdentityInit1764201600000 } from './1764201600000-identity-init';

/** Every identity migration, oldest first. */
export const IDENTITY_MIGRATIONS = [IdentityInit1764201600000];
