import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In the embedded default there is no operator to set JWT_SECRET: generate one on first start and
 * keep it beside the data, so tokens stay valid across restarts.
 */
export function persistentJwtSecret(dataDir: string): string {
  const existing = existingJwtSecret(dataDir);
  if (existing) return existing;
  const directory = join(dataDir, 'secrets');
  const file = join(directory, 'jwt-secret');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The secret a previous `npm start` generated under DATA_DIR, if any. */
export function existingJwtSecret(dataDir: string): string | undefined {
  const file = join(dataDir, 'secrets', 'jwt-secret');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
