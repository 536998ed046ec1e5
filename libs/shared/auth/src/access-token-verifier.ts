import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError, ErrorCode } from '@ttm/errors';
import type { Request } from 'express';
import { AuthUser } from './auth-user';
import { REVOCATION_CHECK, Revocation, RevocationCheck } from './revocations';
import { Role } from './roles';
import { AccessTokenClaims } from './tokens';

const ROLES = new Set<string>(Object.values(Role));

/** `extensions.reason` of an UNAUTHENTICATED answer: what was wrong with the access token. */
export type TokenRefusal = 'TOKEN_MISSING' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | Revocation;

const MESSAGES: Record<TokenRefusal, string> = {
  TOKEN_MISSING: 'Sign in first: send the access token as "Authorization: Bearer <token>"',
  TOKEN_EXPIRED: 'The access token has expired: call refreshToken to get a new one',
  TOKEN_INVALID: 'The access token is invalid: sign in again',
  [Revocation.SESSION_ENDED]:
    'This session has ended (signed out, password changed, or signed out by an administrator): sign in again',
  [Revocation.ROLES_CHANGED]: 'Your roles changed after this access token was issued: call refreshToken to get a token with your current roles',
};

export const tokenRefused = (reason: TokenRefusal) => new AppError(ErrorCode.UNAUTHENTICATED, MESSAGES[reason], { reason });

/** The bearer token of an `Authorization` header; undefined when there is none or it is not a bearer token. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
}

function accessClaims(claims: Partial<AccessTokenClaims>): AccessTokenClaims | null {
  const { typ, sub, roles, sid, ver } = claims;
  if (typ !== 'access' || typeof sub !== 'string' || sub === '') return null;
  if (!Array.isArray(roles) || !roles.every((role) => ROLES.has(role))) return null;
  // Tokens from before sessions existed name none: they are refused, and the client refreshes.
  if (typeof sid !== 'string' || sid === '' || typeof ver !== 'number' || !Number.isInteger(ver)) return null;
  return { typ, sub, roles, sid, ver };
}

/**
 * The one check of an access token, used by the guards and by every resolver that identifies its
 * caller itself: the signature, issuer, audience and expiry (JwtService with `jwtOptions`), the
 * claims, and whether the token was revoked since (its session ended, or its user's roles changed).
 * Every refusal is UNAUTHENTICATED with a message saying what to do and `extensions.reason`.
 */
@Injectable()
export class AccessTokenVerifier {
  /** One verification per request, however many guards and resolvers ask. */
  private readonly byRequest = new WeakMap<Request, Promise<AuthUser | null>>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(REVOCATION_CHECK) private readonly revocations: RevocationCheck,
  ) {}

  /** The caller of a request (its `Authorization` header); null without one. */
  verifyRequest(request: Request): Promise<AuthUser | null> {
    let caller = this.byRequest.get(request);
    if (!caller) {
      caller = this.verifyHeader(request.headers.authorization);
      this.byRequest.set(request, caller);
    }
    return caller;
  }

  /** The caller named by an `Authorization` header; null without one. */
  async verifyHeader(header: string | undefined): Promise<AuthUser | null> {
    if (header === undefined || header === '') return null;
    const token = bearerTokenOf(header);
    if (!token) throw tokenRefused('TOKEN_MISSING');
    return this.verify(token);
  }

  async verify(token: string): Promise<AuthUser> {
    let verified: Partial<AccessTokenClaims>;
    try {
      verified = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token);
    } catch (error) {
      throw tokenRefused(error instanceof Error && error.name === 'TokenExpiredError' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
    }
    const claims = accessClaims(verified);
    if (!claims) throw tokenRefused('TOKEN_INVALID');
    const revocation = await this.revocations.revocationOf(claims);
    if (revocation) throw tokenRefused(revocation);
    return { id: claims.sub, roles: claims.roles, sessionId: claims.sid };
  }
}
