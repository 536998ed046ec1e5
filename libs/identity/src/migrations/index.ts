import { IdentityInit1764201600000 } from './1764201600000-identity-init';
import { Sessions1796284800000 } from './1796284800000-sessions';

/** Every identity migration, oldest first. */
export const IDENTITY_MIGRATIONS = [IdentityInit1764201600000, Sessions1796284800000];
