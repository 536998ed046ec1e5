import { JwtService } from '@nestjs/jwt';
import { signServiceToken } from './service-auth';
import { ServiceTokenClaims } from './tokens';

/** The subject of the service token the gateway sends subgraphs (GATEWAY_TOKEN_HEADER). */
export const GATEWAY_SERVICE = 'gateway';

/** Signs the gateway's token: a service token (`typ: 'service'`, `sub: 'gateway'`) signed with JWT_SECRET. */
export function signGatewayToken(jwtService: JwtService, ttlSeconds?: number): Promise<string> {
  return signServiceToken(jwtService, GATEWAY_SERVICE, ttlSeconds);
}

/** True when `token` is a valid, unexpired service token of the gateway; user and other services' tokens are not. */
export async function isGatewayToken(jwtService: JwtService, token: string): Promise<boolean> {
  try {
    const claims = await jwtService.verifyAsync<Partial<ServiceTokenClaims>>(token);
    return claims.typ === 'service' && claims.sub === GATEWAY_SERVICE;
  } catch {
    return false;
  }
}
