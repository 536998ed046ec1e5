import { loadConfig } from '@ttm/config';
import { restoreEmbeddedDatabase } from '@ttm/database';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run db:restore -- FILE`: a file written by `npm run db:backup` into DATA_DIR/pg, which must be empty.
 * The next `npm start` rebuilds the search index from it.
 */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL is set, so the data is on that PostgreSQL server: restore it with pg_restore (see the README, "Production")');
  }
  const [name, ...rest] = positionals;
  if (name === undefined || rest.length > 0) throw new Error('name one backup file: npm run db:restore -- backups/techbridge-….tar.gz');
  const file = resolve(name);
  await restoreEmbeddedDatabase(config.dataDir, file);
  console.log(`restored ${file} into ${resolve(config.dataDir, 'pg')}; npm start serves it`);
}

main().catch((error: unknown) => {
  console.error(`db:restore: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
