import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { resolve } from 'node:path';
import { lockEmbeddedData } from './embedded-data-lock';
import { PgliteSessionScheduler } from './pglite-session-scheduler';

export interface EmbeddedPostgres {
  /** A postgres:// URL every service process can connect to with `pg`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a file-backed PGlite under `dataDir/pg` and serves it over the PostgreSQL wire protocol,
 * so services use the same `pg` code path as in production. pglite-socket's connection handler reads
 * the protocol; PgliteSessionScheduler decides whose messages run, one exchange or transaction at a time.
 * The data directory is locked for as long as it is served (see lockEmbeddedData).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, host = '127.0.0.1'): Promise<EmbeddedPostgres> {
  const directory = resolve(dataDir, 'pg');
  mkdirSync(directory, { recursive: true });
  const release = await lockEmbeddedData(dataDir);
  // Both packages are ESM-only; import() keeps this module loadable from CommonJS.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketHandler } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(directory);
  const scheduler = new PgliteSessionScheduler(db);
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // The option is typed as pglite-socket's own queue class; the handler calls only the methods the scheduler has.
    const handler = new PGLiteSocketHandler({ queryQueue: scheduler as never, closeOnDetach: true });
    handler.addEventListener('error', () => socket.destroy());
    void handler.attach(socket);
  });
  await new Promise<void>((listening, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => listening());
  });

  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      scheduler.close();
      const closed = new Promise((done) => server.close(done));
      sockets.forEach((socket) => socket.destroy());
      await closed;
      await db.close();
      await release();
    },
  };
}
