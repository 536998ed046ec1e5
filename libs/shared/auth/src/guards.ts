import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '@ttm/errors';
import type { Request } from 'express';
import { AccessTokenVerifier, tokenRefused } from './access-token-verifier';
import { AuthUser } from './auth-user';
import { Role } from './roles';

export const ROLES_KEY = 'ttm:roles';

/** The request, marked once an auth guard has looked at it. */
export type AuthenticatedRequest = Request & { user?: AuthUser; authChecked?: boolean };

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** Requires a valid access token (AccessTokenVerifier: signature, claims, revocation list). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const user = await this.verifier.verifyRequest(request);
    if (!user) throw tokenRefused('TOKEN_MISSING');
    request.user = user;
    request.authChecked = true;
    return true;
  }
}

/** Lets anonymous callers through, but refuses a token that is present and invalid. */
@Injectable()
export class OptionalJwtAuthGuard implements CanActivate {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    request.user = (await this.verifier.verifyRequest(request)) ?? undefined;
    request.authChecked = true;
    return true;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = requestOf(context).user;
    if (!user) throw unauthenticated();
    if (!roles.some((role) => user.roles.includes(role))) {
      throw forbidden(`This operation is only for: ${roles.join(', ')}`);
    }
    return true;
  }
}
