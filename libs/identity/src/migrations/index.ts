import { IdentityInit1764201600000 } from './1764201600000-identity-init';
import { LoginPairsAndRegistrationCodes1767571200000 } from './1767571200000-login-pairs-and-registration-codes';
import { IdentityAuditLog1767830400000 } from './1767830400000-identity-audit-log';
import { Sessions1796284800000 } from './1796284800000-sessions';

/** Every identity migration, oldest first. */
export const IDENTITY_MIGRATIONS = [IdentityInit1764201600000, LoginPairsAndRegistrationCodes1767571200000, IdentityAuditLog1767830400000, Sessions1796284800000];
