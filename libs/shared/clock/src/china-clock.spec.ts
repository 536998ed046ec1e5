import { addDays, chinaDate, chinaDateIn, chinaDateTime, clock, isAfterTodayInChina, isIsoDate, setClock, todayInChina, yearInChina } from './china-clock';

/** 01:00 on 10 March 2026 in China = 17:00 UTC on 9 March. */
const ONE_AM_IN_CHINA = new Date('2026-03-09T17:00:00Z');

describe('the China clock', () => {
  it('reads the date in China, not in UTC, between 00:00 and 08:00 China time', () => {
    expect(ONE_AM_IN_CHINA.toISOString().slice(0, 10)).toBe('2026-03-09');
    expect(chinaDate(ONE_AM_IN_CHINA)).toBe('2026-03-10');
    expect(chinaDate(new Date('2026-03-09T15:59:59Z'))).toBe('2026-03-09');
    expect(chinaDate(new Date('2026-03-09T16:00:00Z'))).toBe('2026-03-10');
    expect(yearInChina(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(chinaDateTime(ONE_AM_IN_CHINA)).toBe('2026-03-10 01:00:00');
  });

  it('answers with a time a test sets until it is put back', () => {
    const restore = setClock(ONE_AM_IN_CHINA);
    try {
      expect(clock.now().toISOString()).toBe('2026-03-09T17:00:00.000Z');
      expect(todayInChina()).toBe('2026-03-10');
      expect(chinaDateIn(1)).toBe('2026-03-11');
      expect(isAfterTodayInChina('2026-03-10')).toBe(false);
      expect(isAfterTodayInChina('2026-03-11')).toBe(true);
    } finally {
      restore();
    }
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('does calendar arithmetic on dates and checks that they exist', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-3-1')).toBe(false);
    expect(isAfterTodayInChina('2999-02-30', ONE_AM_IN_CHINA)).toBe(false);
  });
});
