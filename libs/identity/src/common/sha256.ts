import { createHash } from 'node:crypto';

/** SHA-256 of a string as hex: what identity stores instead of refresh tokens, e-mail addresses and throttle keys. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
