import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, loadConfig } from '@ttm/config';
import { GatewayModule, loadServedSupergraph } from '@ttm/gateway';
import { applySecurityHeaders } from '@ttm/graphql';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
/** Where `npm run web:build` (and `npm start`, when it is missing or stale) puts the web app. */
const WEB_ROOT = join(ROOT, 'dist', 'apps', 'web');

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('gateway');
  // From the committed supergraph, not by introspecting the subgraphs: the gateway starts (and answers
  // what it can) while a subgraph is down.
  const supergraphSdl = loadServedSupergraph(ROOT);
  const webRoot = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined;
  const app = await NestFactory.create(GatewayModule.forRoot(config, { supergraphSdl, webRoot }), { logger: ['error', 'warn', 'log'] });
  applySecurityHeaders(app, { servesWebApp: true, isProduction: config.isProduction });
  app.enableShutdownHooks();
  await app.listen(config.port);
  logger.log(`GraphQL gateway at http://localhost:${config.port}/graphql`);
  logger.log(webRoot ? `web app at http://localhost:${config.port}/` : 'no web app build (npm run web:build); serving GraphQL only');
}

main().catch(exitOnStartupFailure);
