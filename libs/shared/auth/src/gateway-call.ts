import type { Request } from 'express';

/**
 * What the gateway adds to every request it sends a subgraph. The token is a service token
 * (`typ: 'service'`, `sub: 'gateway'`) signed with JWT_SECRET; a subgraph that verifies it marks the
 * request `fromGateway`, and only then trusts the client address the gateway forwards.
 */
export const GATEWAY_TOKEN_HEADER = 'x-ttm-gateway-token';
/** The address of the client that called the gateway (the gateway's own view of the socket, never a client header). */
export const CLIENT_ADDRESS_HEADER = 'x-ttm-client-address';

export type GatewayAwareRequest = Request & { fromGateway?: boolean };

/**
 * The address a request really came from: the one the gateway forwarded when the request is proven
 * to come from the gateway, otherwise the peer of the socket. Login throttling keys on it.
 */
export function clientAddressOf(req: Request): string {
  const request = req as GatewayAwareRequest;
  if (request.fromGateway) {
    const forwarded = request.headers[CLIENT_ADDRESS_HEADER];
    if (typeof forwarded === 'string' && forwarded !== '') return forwarded;
  }
  return request.socket?.remoteAddress ?? 'unknown';
}
