import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, AuthenticatedRequest, AuthUser } from '@ttm/auth';
import { unauthenticated } from '@ttm/errors';

/**
 * The caller of a request, for resolvers Nest runs without guards (federation `__resolveReference`):
 * reuses what an auth guard already established, otherwise verifies the bearer token with the same
 * rules as the JWT strategy. A present but invalid token is refused, as `@Public()` does.
 */
@Injectable()
export class RequestViewer {
  constructor(private readonly jwtService: JwtService) {}

  async of(request: AuthenticatedRequest): Promise<AuthUser | null> {
    if (request.authChecked) return request.user ?? null;
    const header = request.headers.authorization;
    if (!header) {
      request.authChecked = true;
      return null;
    }
    const token = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
    if (!token) throw unauthenticated('Send the access token as "Authorization: Bearer <token>"');
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwtService.verifyAsync<Partial<AccessTokenClaims>>(token);
    } catch {
      throw unauthenticated('The access token is invalid or has expired: sign in again or call refreshToken');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) {
      throw unauthenticated('The access token is invalid: sign in again');
    }
    request.user = { id: claims.sub, roles: claims.roles };
    request.authChecked = true;
    return request.user;
  }
}
