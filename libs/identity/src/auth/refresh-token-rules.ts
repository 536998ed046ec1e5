import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../common/sha256';
import { RevokeReason } from './refresh-token.entity';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** An opaque, unguessable token (256 bits); only its hash is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return sha256Hex(token);
}

export interface RefreshTokenState {
  expiresAt: Date;
  revokedAt: Date | null;
  revokeReason: RevokeReason | null;
}

/** The session (sign-in) a refresh token belongs to; null when it no longer exists. */
export interface SessionState {
  revokedAt: Date | null;
}

export type RotationDecision =
  /** Valid: revoke it and issue its successor in the same family. */
  | 'ROTATE'
  | 'UNKNOWN'
  | 'EXPIRED'
  /** Its session has ended (logout, password change, an administrator, an earlier reuse). */
  | 'REVOKED'
  /** Already exchanged once: someone holds a copy, so the whole session must end. */
  | 'REUSED';

/** What presenting a refresh token leads to. */
export function decideRotation(token: RefreshTokenState | null, session: SessionState | null, now: Date): RotationDecision {
  if (!token) return 'UNKNOWN';
  if (token.revokedAt) return token.revokeReason === RevokeReason.ROTATED ? 'REUSED' : 'REVOKED';
  if (!session || session.revokedAt) return 'REVOKED';
  if (token.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ROTATE';
}
