import { RevokeReason } from './refresh-token.entity';
import { decideRotation, hashRefreshToken, newRefreshToken, REFRESH_TOKEN_TTL_MS } from './refresh-token-rules';

const now = new Date('2026-11-26T12:00:00.000Z');
const later = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
const active = { expiresAt: later, revokedAt: null, revokeReason: null };
const open = { revokedAt: null };
const ended = { revokedAt: now };

describe('refresh token rotation rules', () => {
  it('rotates an active token of an open session', () => {
    expect(decideRotation(active, open, now)).toBe('ROTATE');
  });

  it('refuses an unknown token', () => {
    expect(decideRotation(null, null, now)).toBe('UNKNOWN');
  });

  it('refuses an expired token, also at the exact expiry instant', () => {
    expect(decideRotation({ ...active, expiresAt: now }, open, now)).toBe('EXPIRED');
  });

  it('treats a token presented again after rotation as reuse (theft detection)', () => {
    expect(decideRotation({ ...active, revokedAt: now, revokeReason: RevokeReason.ROTATED }, open, now)).toBe('REUSED');
  });

  it('also reports reuse for an expired rotated token, and for one of an ended session', () => {
    expect(decideRotation({ expiresAt: now, revokedAt: now, revokeReason: RevokeReason.ROTATED }, open, later)).toBe('REUSED');
    expect(decideRotation({ ...active, revokedAt: now, revokeReason: RevokeReason.ROTATED }, ended, now)).toBe('REUSED');
  });

  it('refuses an unused token whose session has ended (or is gone), before looking at its expiry', () => {
    expect(decideRotation(active, ended, now)).toBe('REVOKED');
    expect(decideRotation(active, null, now)).toBe('REVOKED');
    expect(decideRotation({ ...active, expiresAt: now }, ended, now)).toBe('REVOKED');
  });

  it.each([RevokeReason.LOGOUT, RevokeReason.REUSE_DETECTED, RevokeReason.PASSWORD_RESET])(
    'refuses a token revoked for %s before sessions existed, without escalating',
    (reason) => {
      expect(decideRotation({ ...active, revokedAt: now, revokeReason: reason }, open, now)).toBe('REVOKED');
    },
  );

  it('makes 256-bit random tokens and stores only a SHA-256 hex digest', () => {
    const token = newRefreshToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newRefreshToken()).not.toBe(token);
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).toBe(hashRefreshToken(token));
  });
});
