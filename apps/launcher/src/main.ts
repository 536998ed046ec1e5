import { exitOnStartupFailure, launcherSeedsDemo, loadConfig, persistentJwtSecret, SERVICE_NAMES, serviceUrl } from '@ttm/config';
import { EmbeddedPostgres, startEmbeddedPostgres } from '@ttm/database';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { healthReady } from './readiness';
import { Supervisor } from './supervisor';
import { ensureWebBuild } from './web-build';

const START_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A free port for the embedded PostgreSQL that none of the services, which have not bound yet, is configured for. */
async function freePortOutside(reserved: number[]): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!reserved.includes(port)) return port;
  }
}

/**
 * `npm start`: the whole marketplace on one machine. Without DATABASE_URL it serves an embedded,
 * file-backed PostgreSQL (PGlite) under DATA_DIR to the services; each service runs in its own process.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = resolve(config.dataDir);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(dataDir, await freePortOutside([config.port, ...Object.values(config.servicePorts)]));
    databaseUrl = embedded.url;
    console.log(`[launcher] embedded PostgreSQL (PGlite) on ${databaseUrl}, data in ${dataDir}/pg`);
  }
  const jwtSecret = config.jwtSecret ?? persistentJwtSecret(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    DATA_DIR: dataDir,
    SEED_DEMO: String(launcherSeedsDemo(config)),
  };
  if (config.isProduction && env['SEED_DEMO'] === 'true') {
    console.warn('[launcher] SEED_DEMO=true in production: an empty database gets the demo accounts, whose password the README prints');
  }

  const supervisor = new Supervisor();
  let shuttingDown = false;
  async function shutdown(code: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    await supervisor.stopAll();
    await embedded?.stop();
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  // Built beside the services' start-up; the gateway serves it, so it must be ready before the gateway.
  // `--no-web` (npm run dev, where Vite serves the app) skips it.
  // A failed build leaves GraphQL served (the gateway says it has no web app) and says why.
  const webBuild = process.argv.includes('--no-web')
    ? Promise.resolve(false)
    : ensureWebBuild((line) => console.log(`[launcher] ${line}`)).catch((error: unknown) => {
        console.error(`[launcher] the web app did not build: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      });
  try {
    for (const name of SERVICE_NAMES) {
      await supervisor.start(
        { name, entry: `apps/${name}/src/main.ts`, env, ready: () => healthReady(serviceUrl(config, name, '/health/ready')) },
        START_TIMEOUT_MS,
      );
    }
    await webBuild;
    const gatewayReady = `http://127.0.0.1:${config.port}/health/ready`;
    await supervisor.start({ name: 'gateway', entry: 'apps/gateway/src/main.ts', env, ready: () => healthReady(gatewayReady) }, START_TIMEOUT_MS);
    console.log(`[launcher] ready: http://localhost:${config.port}/graphql (Ctrl+C stops everything)`);
  } catch (error) {
    console.error(`[launcher] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

main().catch(exitOnStartupFailure);
