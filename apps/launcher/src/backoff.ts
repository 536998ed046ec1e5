/**
 * When the supervisor restarts a service that died: exponential back-off with a little jitter, reset once
 * the service has stayed up for `stableAfterMs`.
 *
 * The growth is gentle (×1.5 from half a second) rather than ×2 from a second: a service that crashes now
 * and then is back within a second, ten crashes in a row still fit in well under a minute of waiting
 * (≈ 37 s), and a service that cannot stay up at all reaches the 30 s cap after a dozen attempts instead of
 * restarting in a tight loop.
 */
export interface BackoffPolicy {
  /** Delay before the first restart after a crash. */
  readonly firstDelayMs: number;
  /** Each further crash in a row multiplies the delay by this. */
  readonly factor: number;
  readonly maxDelayMs: number;
  /** ± this fraction of the delay, at random, so services that died together do not restart in lockstep. */
  readonly jitter: number;
  /** A service that ran this long before it died starts again from `firstDelayMs`. */
  readonly stableAfterMs: number;
}

export const RESTART_BACKOFF: BackoffPolicy = Object.freeze({
  firstDelayMs: 500,
  factor: 1.5,
  maxDelayMs: 30_000,
  jitter: 0.1,
  stableAfterMs: 60_000,
});

/** The delay before restarting after the `crashesInARow`-th crash in a row (1 for the first). */
export function restartDelayMs(crashesInARow: number, policy: BackoffPolicy = RESTART_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** Math.max(0, crashesInARow - 1));
  const jittered = base * (1 + policy.jitter * (2 * random() - 1));
  return Math.round(Math.min(policy.maxDelayMs, jittered));
}

/** How many crashes in a row this one makes: one more than before, or 1 when the process had stayed up long enough. */
export function crashesInARow(previous: number, uptimeMs: number, policy: BackoffPolicy = RESTART_BACKOFF): number {
  return uptimeMs >= policy.stableAfterMs ? 1 : previous + 1;
}
