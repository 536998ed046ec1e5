import { INestApplication, Logger, Module, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@ttm/config';
import { badInput } from '@ttm/errors';
import { ValidationError } from 'class-validator';
import { gatewayCallMiddleware } from './gateway-only';
import { SubgraphHealthModule } from './health';
import { applySecurityHeaders } from './security-headers';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/** The validation every service applies to GraphQL inputs; refusals become BAD_USER_INPUT. */
export const inputValidationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  exceptionFactory: (errors) => {
    const messages = describe(errors);
    return badInput(messages.join('; '), { fields: errors.map((error) => error.property) });
  },
});

/**
 * Starts a subgraph service, on loopback by default: the gateway is the only public endpoint. Every
 * response carries the security headers; the gateway's token is verified on every request (and, in
 * production, required on /graphql); /health/live and /health/ready answer probes.
 */
export async function bootstrapSubgraph(module: Type<unknown>, name: string, port: number, options: { jsonBodyLimit?: string } = {}): Promise<INestApplication> {
  const config = loadConfig();
  const host = config.serviceBindHost;
  @Module({ imports: [module, SubgraphHealthModule] })
  class SubgraphRootModule {}
  const app = await NestFactory.create<NestExpressApplication>(SubgraphRootModule, { logger: ['error', 'warn', 'log'] });
  // A service that takes large inputs (the search service's Turtle import) raises Express's 100 kB default.
  if (options.jsonBodyLimit) app.useBodyParser('json', { limit: options.jsonBodyLimit });
  applySecurityHeaders(app, { servesWebApp: false, isProduction: config.isProduction });
  app.use(gatewayCallMiddleware(app.get(JwtService), { gatewayOnly: config.isProduction }));
  app.useGlobalPipes(inputValidationPipe);
  app.enableShutdownHooks();
  await app.listen(port, host);
  new Logger(name).log(`${name} subgraph listening on ${host}:${port}`);
  return app;
}
