import { loadConfig } from '@ttm/config';
import { startEmbeddedPostgres } from '@ttm/database';
import { resolve } from 'node:path';

/**
 * `npm run db:embedded`: serves the embedded PostgreSQL under DATA_DIR on PGPORT (default 5433) while the
 * marketplace is stopped, so its data can be read with psql. Stop it with Ctrl-C.
 */
async function main(): Promise<void> {
  const dataDir = resolve(loadConfig().dataDir);
  const port = Number(process.env['PGPORT'] ?? 5433);
  const embedded = await startEmbeddedPostgres(dataDir, port);
  console.log(`embedded PostgreSQL of ${dataDir} on ${embedded.url}`);
  const stop = () => void embedded.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
