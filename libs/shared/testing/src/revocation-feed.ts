import { RevocationListPage, REVOCATIONS_PATH, standaloneJwtService } from '@ttm/auth';
import { createServer } from 'node:http';

/**
 * Identity's revocation list route (`GET /internal/revocations`, service tokens only), for the
 * integration tests of a service that runs without identity and signs its test users' tokens itself.
 * A test may add entries to `page`.
 */
export interface RevocationFeed {
  /** `http://127.0.0.1:<port>/graphql`, for IDENTITY_URL. */
  serviceUrl: string;
  page: RevocationListPage;
  close(): Promise<void>;
}

export async function startRevocationFeed(jwtSecret: string): Promise<RevocationFeed> {
  const jwt = standaloneJwtService(jwtSecret);
  const page: RevocationListPage = { sessions: [], users: [] };
  const server = createServer((request, response) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    void jwt
      .verifyAsync<{ typ?: string }>(token)
      .catch(() => null)
      .then((claims) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        const [status, body] = claims?.typ !== 'service' ? [401, { message: 'service token required' }] : path === REVOCATIONS_PATH ? [200, page] : [404, { message: 'not found' }];
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    serviceUrl: `http://127.0.0.1:${port}/graphql`,
    page,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
