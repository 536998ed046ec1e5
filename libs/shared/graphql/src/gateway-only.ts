import { JwtService } from '@nestjs/jwt';
import { GATEWAY_TOKEN_HEADER, GatewayAwareRequest, isGatewayToken } from '@ttm/auth';
import { ErrorCode } from '@ttm/errors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const GRAPHQL_PATH = /^\/graphql(?:\/|$)/;

function refuse(res: Response, status: 401 | 403, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export interface GatewayCallOptions {
  /** Production: the subgraph's /graphql answers only the gateway (introspection and `_service` included). */
  gatewayOnly: boolean;
}

/**
 * Every subgraph request passes here first: a valid gateway token (GATEWAY_TOKEN_HEADER) marks it
 * `fromGateway`, so `clientAddressOf` trusts the client address the gateway forwards. With `gatewayOnly`,
 * /graphql refuses everything else with a GraphQL-shaped error; /internal/* routes keep their own
 * service tokens and /health/* stays open to probes.
 */
export function gatewayCallMiddleware(jwtService: JwtService, options: GatewayCallOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = req.headers[GATEWAY_TOKEN_HEADER];
    const verified = typeof token === 'string' && token !== '' ? isGatewayToken(jwtService, token) : Promise.resolve(false);
    verified.then((fromGateway) => {
      (req as GatewayAwareRequest).fromGateway = fromGateway;
      if (fromGateway || !options.gatewayOnly || !GRAPHQL_PATH.test(req.path)) return next();
      if (token) {
        return refuse(res, 401, ErrorCode.UNAUTHENTICATED, 'The gateway token is invalid or has expired: the gateway and this service must share JWT_SECRET');
      }
      refuse(res, 403, ErrorCode.FORBIDDEN, "This service answers only the marketplace's gateway: send GraphQL requests to the gateway's /graphql");
    }, next);
  };
}
