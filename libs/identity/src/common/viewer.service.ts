import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, AuthenticatedRequest, AuthUser } from '@ttm/auth';
import { AppError, ErrorCode } from '@ttm/errors';
import type { Request } from 'express';

/**
 * Who is asking, for field-level visibility. Root resolvers run the shared guards, which leave the
 * verified user on the request; field resolvers and `_entities` (called by the gateway) run no
 * guard, so the bearer token is verified here by the same AccessTokenVerifier. A refused token
 * (invalid, expired, revoked) means anonymous.
 */
@Injectable()
export class ViewerService {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  async of(req: Request): Promise<AuthUser | null> {
    const request = req as AuthenticatedRequest;
    if (request.authChecked) return request.user ?? null;
    try {
      return await this.verifier.verifyRequest(request);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) return null;
      throw error;
    }
  }
}
