import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, serviceUrl, ServiceName } from '@ttm/config';
import type { Request } from 'express';
import { bearerTokenOf } from './access-token-verifier';
import { ServiceTokenClaims } from './tokens';

/** Service tokens are short-lived; a caller signs a fresh one instead of storing it. */
export const SERVICE_TOKEN_TTL_SECONDS = 5 * 60;

/** The calling service, as proven by a verified service token. */
export interface ServiceCaller {
  service: string;
}

export type ServiceAuthenticatedRequest = Request & { serviceCaller?: ServiceCaller };

/**
 * Signs a token one service sends to another's internal HTTP routes (e.g. the search indexer reading
 * the marketplace feed). Uses the JwtService of `AuthModule.forRoot(JWT_SECRET)`, so issuer, audience
 * and algorithm match what `ServiceAuthGuard` verifies.
 */
export function signServiceToken(jwtService: JwtService, serviceName: string, ttlSeconds = SERVICE_TOKEN_TTL_SECONDS): Promise<string> {
  const claims: ServiceTokenClaims = { sub: serviceName, typ: 'service' };
  return jwtService.signAsync(claims, { expiresIn: ttlSeconds });
}

/**
 * Guards internal HTTP routes: only a valid service token (`typ: 'service'`) passes; user access
 * tokens are refused even though they are signed with the same key. Refusals are HTTP 401.
 */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ServiceAuthenticatedRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw new UnauthorizedException('Send a service token as "Authorization: Bearer <token>"');
    let claims: Partial<ServiceTokenClaims>;
    try {
      claims = await this.jwtService.verifyAsync<Partial<ServiceTokenClaims>>(token);
    } catch {
      throw new UnauthorizedException('The service token is invalid or has expired: sign a new one');
    }
    if (claims.typ !== 'service' || typeof claims.sub !== 'string' || claims.sub === '') {
      throw new UnauthorizedException('This route needs a service token, not a user token');
    }
    request.serviceCaller = { service: claims.sub };
    return true;
  }
}

export interface InternalRouteCall {
  /** The calling service: the service token's subject. */
  from: ServiceName;
  to: ServiceName;
  /** `/internal/…` */
  path: string;
  query?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * GETs another service's internal HTTP route with a fresh service token (services never read each
 * other's tables): its JSON body, or an error naming the route and the status it answered.
 */
export async function getInternalRoute<T>(jwtService: JwtService, config: AppConfig, call: InternalRouteCall): Promise<T> {
  const url = new URL(serviceUrl(config, call.to, call.path));
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const token = await signServiceToken(jwtService, call.from);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(call.timeoutMs ?? 30_000) });
  if (!response.ok) throw new Error(`${call.to} ${call.path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
