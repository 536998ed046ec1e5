import { request } from 'node:http';

export interface PostedJson<T> {
  status: number;
  body: T;
}

/**
 * POSTs JSON from a chosen local address, so one machine can act as several clients: every 127.x.y.z
 * address is on the loopback interface, and the server sees the request coming from `localAddress`.
 */
export function postJsonFrom<T = unknown>(
  url: string,
  body: unknown,
  options: { localAddress: string; headers?: Record<string, string> },
): Promise<PostedJson<T>> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        localAddress: options.localAddress,
        headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as T });
          } catch {
            reject(new Error(`expected JSON from ${url} (HTTP ${response.statusCode}), got: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
