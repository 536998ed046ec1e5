import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { AuthUser } from './auth-user';
import { JwtAuthGuard, OptionalJwtAuthGuard, requestOf, ROLES_KEY, RolesGuard } from './guards';
import { Role } from './roles';

/**
 * Declares who may call a resolver or route: any signed-in user, or only the given roles.
 * Applies token verification and the role check together so neither can be forgotten.
 */
export function Authenticated(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(JwtAuthGuard, RolesGuard));
}

/** Open to anonymous callers; a valid token still identifies the viewer (see `@Viewer()`). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(OptionalJwtAuthGuard));
}

/** The signed-in user; only valid under `@Authenticated`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = requestOf(context);
  if (!request.authChecked || !request.user) {
    throw new Error('@CurrentUser() needs @Authenticated() on the same resolver');
  }
  return request.user;
});

/** The caller if signed in, otherwise null; only valid under `@Public` or `@Authenticated`. */
export const Viewer = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | null => {
  const request = requestOf(context);
  if (!request.authChecked) throw new Error('@Viewer() needs @Public() or @Authenticated() on the same resolver');
  return request.user ?? null;
});
