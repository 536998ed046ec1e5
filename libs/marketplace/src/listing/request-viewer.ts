import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, AuthenticatedRequest, AuthUser } from '@ttm/auth';

/**
 * The caller of a request, for resolvers Nest runs without guards (federation `__resolveReference`):
 * reuses what an auth guard already established, otherwise verifies the bearer token with the same
 * AccessTokenVerifier as the guards. A present but invalid or revoked token is refused, as `@Public()` does.
 */
@Injectable()
export class RequestViewer {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  async of(request: AuthenticatedRequest): Promise<AuthUser | null> {
    if (request.authChecked) return request.user ?? null;
    request.user = (await this.verifier.verifyRequest(request)) ?? undefined;
    request.authChecked = true;
    return request.user ?? null;
  }
}
