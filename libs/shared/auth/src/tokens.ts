import { Role } from './roles';

export const JWT_ISSUER = 'ttm-identity';
export const JWT_AUDIENCE = 'ttm';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Claims of an access token; `typ` keeps other tokens signed with the same key from being used as one. */
export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  typ: 'access';
  /** The session: the refresh-token family of one sign-in. Ending the session refuses every token naming it. */
  sid: string;
  /**
   * The user's token version when the token was issued. A role change raises the version, and tokens
   * with an older one are refused — exact where a cut-off time would be ambiguous within `iat`'s second.
   */
  ver: number;
}

/** Claims of a service-to-service token (e.g. the search indexer reading the marketplace feed). */
export interface ServiceTokenClaims {
  sub: string;
  typ: 'service';
}
