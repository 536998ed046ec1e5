import { IdentityInit1764201600000 } from './1764201600000-identity-init';
import { LoginPairsAndRegistrationCodes1767571200000 } from './1767571200000-login-pairs-and-registration-codes';

/** Every identity migration, oldest first. */
export const IDENTITY_MIGRATIONS = [IdentityInit1764201600000, LoginPairsAndRegistrationCodes1767571200000];
