import { useSyncExternalStore } from 'react';

export type Role = 'ADMIN' | 'BROKER' | 'ENTERPRISE' | 'RESEARCHER';
/** Every role: pages for anyone signed in. */
export const ALL_ROLES: Role[] = ['ENTERPRISE', 'RESEARCHER', 'BROKER', 'ADMIN'];

/** What the browser keeps of a sign-in (localStorage), from the AuthPayload of login/register/refreshToken. */
export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; roles: Role[]; displayName: string };
}

const STORAGE_KEY = 'techbridge.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

// Another tab signed in or out.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  current = read();
  listeners.forEach((listener) => listener());
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}

export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  return !!session && session.user.roles.some((role) => roles.includes(role));
}
