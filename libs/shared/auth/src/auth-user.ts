import { Role } from './roles';

/** Who is calling, as proven by a verified access token. */
export interface AuthUser {
  id: string;
  roles: Role[];
  /** The session (sign-in) the token belongs to. */
  sessionId: string;
}

export const isAdmin = (user: AuthUser | null | undefined): boolean => !!user?.roles.includes(Role.ADMIN);
export const hasRole = (user: AuthUser | null | undefined, role: Role): boolean => !!user?.roles.includes(role);
