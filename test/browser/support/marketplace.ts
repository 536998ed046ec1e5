import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { rmSync } from 'node:fs';
import { RunningMarketplace, startMarketplace } from '../../support/marketplace-process';

export interface DemoMarketplace {
  /** http://127.0.0.1:<port>/ — the web app, with /graphql beside it. */
  baseUrl: string;
  marketplace: RunningMarketplace;
  stop(): Promise<void>;
}

/** The whole marketplace as `npm start` runs it (web app included), on a fresh PostgreSQL database with the demo data. */
export async function startDemoMarketplace(name: string): Promise<DemoMarketplace> {
  const database: TestDatabase = await createTestDatabase(name);
  const marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'true' } });
  return {
    baseUrl: marketplace.url.replace(/graphql$/, ''),
    marketplace,
    async stop() {
      await marketplace.stop();
      await database.drop();
    },
  };
}

/** The whole marketplace exactly as a newcomer's `npm start` runs it: embedded PostgreSQL (PGlite) with the demo data. */
export async function startEmbeddedDemoMarketplace(): Promise<DemoMarketplace> {
  const marketplace = await startMarketplace();
  return {
    baseUrl: marketplace.url.replace(/graphql$/, ''),
    marketplace,
    async stop() {
      await marketplace.stop();
      rmSync(marketplace.dataDir, { recursive: true, force: true });
    },
  };
}
