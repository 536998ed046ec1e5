import { getSession, setSession, type Session } from './session';

/** Refresh this long before the access token expires, so a request never leaves with a stale one. */
const REFRESH_MARGIN_MS = 60_000;

const REFRESH = `mutation RefreshSession($token: String!) {
  refreshToken(token: $token) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id roles displayName } }
}`;

let refreshing: Promise<Session | null> | null = null;

/** Exchanges the refresh token (single use, so one exchange at a time); signs out when it is refused. */
async function refresh(session: Session): Promise<Session | null> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: REFRESH, variables: { token: session.refreshToken } }),
  });
  const body = (await response.json()) as { data?: { refreshToken: Session } | null };
  const next = body.data?.refreshToken ?? null;
  // Only a refusal signs out; a refresh another tab did first also lands here, via the storage event.
  if (getSession()?.refreshToken === session.refreshToken) setSession(next);
  return getSession();
}

async function freshSession(): Promise<Session | null> {
  const session = getSession();
  if (!session) return null;
  if (Date.parse(session.accessTokenExpiresAt) - Date.now() > REFRESH_MARGIN_MS) return session;
  if (Date.parse(session.refreshTokenExpiresAt) <= Date.now()) {
    setSession(null);
    return null;
  }
  refreshing ??= refresh(session).finally(() => (refreshing = null));
  return refreshing;
}

/** fetch for Apollo's HttpLink: adds the bearer token, refreshing it first when it is about to expire. */
export async function authorizedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const session = await freshSession().catch(() => getSession());
  const headers = new Headers(init.headers);
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  return fetch(input, { ...init, headers });
}
