import { Role } from './roles';

export const JWT_ISSUER = 'ttm-identity';
export const JWT_AUDIENCE = 'ttm';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Claims of an access token; `typ` keeps other tokens signed with the same key from being used as one. */
export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  typ: 'access';
}

/** Claims of a service-to-service token (e.g. the search indexer reading the marketplace feed). */
export interface ServiceTokenClaims {
  sub: string;
  typ: 'service';
}
