import { SERVICE_NAMES } from '@ttm/config';
import { createServer, Server } from 'node:net';

function listenOnAnyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolveListening, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address) resolveListening({ server, port: address.port });
      else reject(new Error('no port'));
    });
  });
}

/**
 * `count` distinct TCP ports nothing listens on right now. All are held open until every one is chosen:
 * asking for one port at a time can hand out the same port twice once the first is released.
 */
export async function freePorts(count: number): Promise<number[]> {
  const held: Array<{ server: Server; port: number }> = [];
  try {
    for (let i = 0; i < count; i++) held.push(await listenOnAnyPort());
    return held.map(({ port }) => port);
  } finally {
    await Promise.all(held.map(({ server }) => new Promise((closed) => server.close(closed))));
  }
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

/**
 * `PORT` for the gateway and `<NAME>_PORT` for every service in SERVICE_NAMES, all distinct and free, so a
 * launcher started by a test or a benchmark never collides with another one running on the same machine
 * (a new service needs no edit here).
 */
export async function freeMarketplacePortsEnv(): Promise<Record<string, string>> {
  const [gateway, ...services] = await freePorts(1 + SERVICE_NAMES.length);
  const env: Record<string, string> = { PORT: String(gateway) };
  SERVICE_NAMES.forEach((name, i) => (env[`${name.toUpperCase()}_PORT`] = String(services[i])));
  return env;
}
