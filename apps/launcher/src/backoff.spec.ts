import { crashesInARow, RESTART_BACKOFF, restartDelayMs } from './backoff';

describe('restart back-off', () => {
  const middle = () => 0.5;

  it('grows by the factor from the first delay and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 10, 11, 12, 13, 50].map((crash) => restartDelayMs(crash, RESTART_BACKOFF, middle));
    expect(delays).toEqual([500, 750, 1125, 1688, 19222, 28833, 30000, 30000, 30000]);
  });

  it('lets ten crashes in a row be restarted within a minute of waiting', () => {
    const waited = Array.from({ length: 9 }, (_, i) => restartDelayMs(i + 1, RESTART_BACKOFF, () => 1)).reduce((sum, delay) => sum + delay, 0);
    expect(waited).toBeLessThan(45_000);
  });

  it('jitters by at most ±10 % and never beyond the cap', () => {
    expect(restartDelayMs(1, RESTART_BACKOFF, () => 0)).toBe(450);
    expect(restartDelayMs(1, RESTART_BACKOFF, () => 1)).toBe(550);
    expect(restartDelayMs(40, RESTART_BACKOFF, () => 1)).toBe(30_000);
  });

  it('starts counting again once the process stayed up long enough', () => {
    expect(crashesInARow(0, 100)).toBe(1);
    expect(crashesInARow(7, RESTART_BACKOFF.stableAfterMs - 1)).toBe(8);
    expect(crashesInARow(7, RESTART_BACKOFF.stableAfterMs)).toBe(1);
  });
});
