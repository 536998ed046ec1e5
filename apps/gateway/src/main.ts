import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@ttm/config';
import { GatewayModule, subgraphList, waitForSubgraphs } from '@ttm/gateway';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run web:build` (and `npm start`, when it is missing or stale) puts the web app. */
const WEB_ROOT = join(__dirname, '..', '..', '..', 'dist', 'apps', 'web');

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('gateway');
  await waitForSubgraphs(subgraphList(config), 120_000);
  const webRoot = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined;
  const app = await NestFactory.create(GatewayModule.forRoot(config, webRoot), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(config.port);
  logger.log(`GraphQL gateway at http://localhost:${config.port}/graphql`);
  logger.log(webRoot ? `web app at http://localhost:${config.port}/` : 'no web app build (npm run web:build); serving GraphQL only');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
