import { RevocationListPage, REVOCATIONS_PATH } from '@ttm/auth';
import { serveInternalRoutes } from './internal-routes-fake';

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
  const page: RevocationListPage = { sessions: [], users: [] };
  const routes = await serveInternalRoutes(jwtSecret, (url) => (url.pathname === REVOCATIONS_PATH ? { status: 200, body: page } : undefined));
  return { ...routes, page };
}
