import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In the embedded default there is no operator to set JWT_SECRET: generate one on first start and
 * keep it beside the data, so tokens stay valid across restarts.
 */
export function persistentJwtSecret(dataDir: string): string {
  const directory = join(dataDir, 'secrets');
  const file = join(directory, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
