import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { forbidden, unauthenticated } from '@ttm/errors';
import type { Request } from 'express';
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

function tokenProblem(info: unknown): string {
  if (info instanceof Error) {
    if (info.name === 'TokenExpiredError') return 'The access token has expired: call refreshToken to get a new one';
    if (info.message === 'No auth token') return 'Sign in first: send the access token as "Authorization: Bearer <token>"';
  }
  return 'The access token is invalid: sign in again';
}

/** Requires a valid access token. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  override getRequest(context: ExecutionContext): AuthenticatedRequest {
    return requestOf(context);
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    if (error || !user) throw unauthenticated(tokenProblem(info));
    requestOf(context).authChecked = true;
    return user;
  }
}

/** Lets anonymous callers through, but refuses a token that is present and invalid. */
@Injectable()
export class OptionalJwtAuthGuard extends JwtAuthGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    if (!request.headers.authorization) {
      request.authChecked = true;
      return true;
    }
    return (await super.canActivate(context)) as boolean;
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
