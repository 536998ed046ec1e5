import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, AuthenticatedRequest, AuthUser } from '@ttm/auth';
import type { Request } from 'express';

/**
 * Who is asking, for field-level visibility. Root resolvers run the shared guards, which leave the
 * verified user on the request; field resolvers and `_entities` (called by the gateway) run no
 * guard, so the bearer token is verified here with the same rules. An invalid token means anonymous.
 */
@Injectable()
export class ViewerService {
  private readonly verified = new WeakMap<object, Promise<AuthUser | null>>();

  constructor(private readonly jwt: JwtService) {}

  of(req: Request): Promise<AuthUser | null> {
    const request = req as AuthenticatedRequest;
    if (request.authChecked) return Promise.resolve(request.user ?? null);
    let viewer = this.verified.get(request);
    if (!viewer) {
      viewer = this.verify(request.headers.authorization);
      this.verified.set(request, viewer);
    }
    return viewer;
  }

  private async verify(header: string | undefined): Promise<AuthUser | null> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return null;
      return { id: claims.sub, roles: claims.roles };
    } catch {
      return null;
    }
  }
}
