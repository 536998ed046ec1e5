import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lockEmbeddedData } from './embedded-data-lock';

export interface BackupSummary {
  file: string;
  bytes: number;
}

/**
 * Writes the whole embedded database (DATA_DIR/pg) to one gzip'd tar file with PGlite's own
 * `dumpDataDir`: a physical copy of a cleanly closed PostgreSQL, so a restore is exact. The
 * marketplace must be stopped (the data directory is locked while it runs). The search index and
 * the generated JWT secret are not included: the index is rebuilt from the database at start, and a
 * new secret only means signing in again.
 */
export async function backupEmbeddedDatabase(dataDir: string, file: string): Promise<BackupSummary> {
  const directory = resolve(dataDir, 'pg');
  if (!existsSync(resolve(directory, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${directory} to back up (start the marketplace once, or set DATA_DIR)`);
  }
  const release = await lockEmbeddedData(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(directory);
    try {
      const dump = await db.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      writeFileSync(file, bytes);
      return { file, bytes: bytes.length };
    } finally {
      await db.close();
    }
  } finally {
    await release();
  }
}

/**
 * Restores a file written by `backupEmbeddedDatabase` into DATA_DIR/pg, which must hold no database
 * (restoring never overwrites data: move the old directory away first).
 */
export async function restoreEmbeddedDatabase(dataDir: string, file: string): Promise<void> {
  const directory = resolve(dataDir, 'pg');
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (existsSync(directory) && readdirSync(directory).length > 0) {
    throw new Error(`${directory} already holds a database: restore into an empty DATA_DIR, or move ${directory} away first`);
  }
  const release = await lockEmbeddedData(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(directory, { loadDataDir: new Blob([readFileSync(file)]) });
    try {
      // Opening it proves the files form a database PGlite can run.
      await db.query('SELECT 1');
    } finally {
      await db.close();
    }
  } finally {
    await release();
  }
}
