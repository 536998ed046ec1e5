import { standaloneJwtService } from '@ttm/auth';
import { createServer } from 'node:http';

export interface RouteAnswer {
  status: number;
  body: unknown;
}

export interface FakeInternalRoutes {
  /** `http://127.0.0.1:<port>/graphql`, for a `<SERVICE>_URL` (internal routes are reached beside /graphql). */
  serviceUrl: string;
  close(): Promise<void>;
}

/**
 * Another service's `/internal/*` routes, faked for a test by one small HTTP server. Like the real routes
 * it answers only service tokens signed with the test's JWT secret (401 otherwise); `answer` gives the
 * JSON answer for a path and its query, or undefined for 404.
 */
export async function serveInternalRoutes(jwtSecret: string, answer: (url: URL) => RouteAnswer | undefined): Promise<FakeInternalRoutes> {
  const jwt = standaloneJwtService(jwtSecret);
  const server = createServer((request, response) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    void jwt
      .verifyAsync<{ typ?: string }>(token)
      .catch(() => null)
      .then((claims) => {
        const { status, body } =
          claims?.typ !== 'service'
            ? { status: 401, body: { message: 'service token required' } }
            : (answer(new URL(request.url ?? '/', 'http://localhost')) ?? { status: 404, body: { message: 'not found' } });
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    serviceUrl: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
