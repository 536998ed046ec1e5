import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../common/sha256';

/** The e-mailed registration code (邮箱验证码). */
export const REGISTRATION_CODE = {
  digits: 6,
  /** How long a code may be used after it was sent. */
  ttlSeconds: 10 * 60,
  /** Wrong entries after which the code is dead (a new one must be requested). */
  maxAttempts: 5,
} as const;

/** How often codes may be requested (each request sends an e-mail). */
export const CODE_REQUEST_LIMITS = {
  perEmail: { points: 5, duration: 60 * 60 },
  perClientAddress: { points: 20, duration: 60 * 60 },
} as const;

/** A uniformly random code of REGISTRATION_CODE.digits digits, leading zeros kept. */
export function newRegistrationCode(): string {
  return String(randomInt(0, 10 ** REGISTRATION_CODE.digits)).padStart(REGISTRATION_CODE.digits, '0');
}

/** The row key: the table holds no e-mail addresses. */
export function emailHash(email: string): string {
  return sha256Hex(email);
}

/**
 * A code is stored as an HMAC keyed by the service's secret and bound to the address: a copy of the table
 * does not give the codes away (a plain hash of six digits is reversed by trying a million values).
 */
export function codeHash(secret: string, email: string, code: string): string {
  return createHmac('sha256', secret).update(`registration-code\n${email}\n${code}`, 'utf8').digest('hex');
}

export function sameHash(stored: string, candidate: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(candidate, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type CodeState = 'NONE' | 'EXPIRED' | 'USED_UP' | 'OPEN';

/** Whether a stored code may still be tried. */
export function codeState(row: { expiresAt: Date; attempts: number } | null, now: Date): CodeState {
  if (!row) return 'NONE';
  if (row.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (row.attempts >= REGISTRATION_CODE.maxAttempts) return 'USED_UP';
  return 'OPEN';
}
