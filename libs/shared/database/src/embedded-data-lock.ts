import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lock } from 'proper-lockfile';

/** How long a lock lives without its holder refreshing it (a holder killed with SIGKILL frees it after this). */
const STALE_MS = 30_000;

export class EmbeddedDataInUseError extends Error {
  constructor(readonly directory: string) {
    super(`The embedded database in ${directory} is in use by another process (npm start or npm run db:embedded): stop it first`);
    this.name = 'EmbeddedDataInUseError';
  }
}

/**
 * Takes the embedded database directory (DATA_DIR/pg) for this process alone. PGlite is PostgreSQL in one
 * process with no postmaster: two processes opening one data directory would both write it and corrupt
 * it, so the launcher, `db:embedded`, `db:backup` and `db:restore` all take this lock first.
 * Resolves to the function that releases it.
 */
export async function lockEmbeddedData(dataDir: string): Promise<() => Promise<void>> {
  const directory = resolve(dataDir, 'pg');
  mkdirSync(directory, { recursive: true });
  try {
    return await lock(directory, {
      stale: STALE_MS,
      realpath: false,
      // A long synchronous PGlite step can delay a refresh; losing the lock then is worth a warning, not a crash.
      onCompromised: (error) => console.warn(`[embedded PostgreSQL] the lock on ${directory} was lost: ${error.message}`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new EmbeddedDataInUseError(directory);
    throw error;
  }
}
