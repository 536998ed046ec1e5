import { INestApplication, Logger, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@ttm/config';
import { badInput } from '@ttm/errors';
import { ValidationError } from 'class-validator';

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

/** Starts a subgraph service, on loopback by default: the gateway is the only public endpoint. */
export async function bootstrapSubgraph(module: Type<unknown>, name: string, port: number): Promise<INestApplication> {
  const host = loadConfig().serviceBindHost;
  const app = await NestFactory.create(module, { logger: ['error', 'warn', 'log'] });
  app.useGlobalPipes(inputValidationPipe);
  app.enableShutdownHooks();
  await app.listen(port, host);
  new Logger(name).log(`${name} subgraph listening on ${host}:${port}`);
  return app;
}
