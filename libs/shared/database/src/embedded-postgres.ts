import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EmbeddedPostgres {
  /** A postgres:// URL every service process can connect to with `pg`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a file-backed PGlite under `dataDir/pg` and serves it over the PostgreSQL wire protocol,
 * so services use the same `pg` code path as in production. The socket server serialises
 * transactions across connections, which keeps isolation intact.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, host = '127.0.0.1'): Promise<EmbeddedPostgres> {
  const directory = resolve(dataDir, 'pg');
  mkdirSync(directory, { recursive: true });
  // Both packages are ESM-only; import() keeps this module loadable from CommonJS.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(directory);
  const server = new PGLiteSocketServer({ db, port, host, maxConnections: 64 });
  await server.start();
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
