import { SERVICE_NAMES } from '@ttm/config';
import { createServer } from 'node:net';

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `<NAME>_PORT` on a free port for every service in SERVICE_NAMES, so a launcher started by a test or
 * a benchmark never collides with another one running on the same machine (a new service needs no edit here).
 */
export async function freeServicePortsEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of SERVICE_NAMES) env[`${name.toUpperCase()}_PORT`] = String(await freePort());
  return env;
}
