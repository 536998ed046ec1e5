import { getSession, setSession, type Session } from './session';
import { refusesAccessToken } from './token-refusal';

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

function renew(session: Session): Promise<Session | null> {
  refreshing ??= refresh(session).finally(() => (refreshing = null));
  return refreshing;
}

async function freshSession(): Promise<Session | null> {
  const session = getSession();
  if (!session) return null;
  if (Date.parse(session.accessTokenExpiresAt) - Date.now() > REFRESH_MARGIN_MS) return session;
  if (Date.parse(session.refreshTokenExpiresAt) <= Date.now()) {
    setSession(null);
    return null;
  }
  return renew(session);
}

/**
 * After the API refused the access token `used` (revoked — signed out elsewhere, roles changed — or
 * expired): a new session from one refresh, shared by every request refused meanwhile; or null once the
 * refresh is refused too (the session is then cleared, and pages for signed-in users send to /login).
 */
async function renewAfterRefusal(used: Session): Promise<Session | null> {
  const current = getSession();
  if (!current) return null;
  // Another request (or tab) has renewed the session since this one left.
  if (current.accessToken !== used.accessToken) return current;
  return renew(current).catch(() => null);
}

function send(input: RequestInfo | URL, init: RequestInit, session: Session | null): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  return fetch(input, { ...init, headers });
}

async function refusesToken(response: Response): Promise<boolean> {
  try {
    return refusesAccessToken(await response.clone().json());
  } catch {
    return false;
  }
}

/**
 * fetch for Apollo's HttpLink: adds the bearer token, refreshing it first when it is about to expire;
 * when the API refuses the token anyway, refreshes once and sends the request again.
 */
export async function authorizedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const session = await freshSession().catch(() => getSession());
  const response = await send(input, init, session);
  if (!session || !(await refusesToken(response))) return response;
  const renewed = await renewAfterRefusal(session);
  return renewed ? send(input, init, renewed) : response;
}
