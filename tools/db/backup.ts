import { chinaDateTime } from '@ttm/clock';
import { loadConfig } from '@ttm/config';
import { backupEmbeddedDatabase } from '@ttm/database';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** 20261203-161502 in China time: backups sort by name and read as the operator's clock. */
const chinaTimestamp = (now = new Date()): string => chinaDateTime(now).replace(/[-:]/g, '').replace(' ', '-');

/**
 * `npm run db:backup [-- --out FILE]`: the embedded database (DATA_DIR/pg) into one .tar.gz while the
 * marketplace is stopped. With DATABASE_URL the database is a PostgreSQL server: use pg_dump (README).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL is set, so the data is on that PostgreSQL server: back it up with pg_dump (see the README, "Production")');
  }
  const file = resolve(values.out ?? `backups/techbridge-${chinaTimestamp()}.tar.gz`);
  mkdirSync(dirname(file), { recursive: true });
  const summary = await backupEmbeddedDatabase(config.dataDir, file);
  console.log(`backup of ${resolve(config.dataDir, 'pg')} written to ${summary.file} (${(summary.bytes / 1024 / 1024).toFixed(1)} MB)`);
}

main().catch((error: unknown) => {
  console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
