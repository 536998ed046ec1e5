import { DEMO_PASSWORD } from '@ttm/demo';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords this repository prints (README, docs, comments in docker/): anyone can read them, so production
 * refuses them as ADMIN_PASSWORD. `config.spec.ts` scans the docs and fails when one prints a usable
 * password missing here.
 */
export const PUBLISHED_PASSWORDS: readonly string[] = Object.freeze([
  DEMO_PASSWORD,
  // The example in docker/compose.yaml's usage comment before it generated one.
  'change-me-2026',
]);

/** zxcvbn's score (0–4) an administrator password must reach in production: 3 = "safely unguessable" (≥ 10^8 guesses). */
export const MIN_ADMIN_PASSWORD_SCORE = 3;

/** A shell command that prints a password production accepts; the refusals suggest it. */
export const PASSWORD_COMMAND = 'openssl rand -base64 24';

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn's estimate (0–4) of how hard the password is to guess, counting the published passwords and the
 * administrator's e-mail address as words an attacker tries first (a published password with a '!' added
 * stays weak).
 */
export function passwordStrength(password: string, email?: string): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const userInputs = [...PUBLISHED_PASSWORDS, ...(email ? [email, ...email.split(/[@.]/)] : [])];
  return estimator.check(password, userInputs).score;
}

export const isPublishedPassword = (password: string): boolean =>
  PUBLISHED_PASSWORDS.some((published) => published.toLowerCase() === password.toLowerCase());

/**
 * Why production refuses this ADMIN_PASSWORD, as the rest of the sentence after "expected … got";
 * undefined when it is acceptable. (The identity service's password policy — length, a letter and a
 * digit — applies on top, as it does to every account.)
 */
export function adminPasswordRefusal(password: string, email?: string): { expected: string; got: string } | undefined {
  if (isPublishedPassword(password)) {
    return { expected: 'a password of your own in production', got: 'a password this repository publishes (the demo password or a documented example)' };
  }
  const score = passwordStrength(password, email);
  if (score < MIN_ADMIN_PASSWORD_SCORE) {
    return {
      expected: `a password a strength estimate (zxcvbn) scores at least ${MIN_ADMIN_PASSWORD_SCORE} of 4 in production`,
      got: `one it scores ${score}`,
    };
  }
  return undefined;
}
