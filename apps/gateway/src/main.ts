import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@ttm/config';
import { GatewayModule, subgraphList, waitForSubgraphs } from '@ttm/gateway';

async function main(): Promise<void> {
  const config = loadConfig();
  await waitForSubgraphs(subgraphList(config), 120_000);
  const app = await NestFactory.create(GatewayModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(config.port);
  new Logger('gateway').log(`GraphQL gateway at http://localhost:${config.port}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
