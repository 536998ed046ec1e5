/**
 * The one clock for date rules. Every rule that asks "what is today?" (a need's deadline, a contract's
 * signing date, a challenge plan's due dates, a patent number's year…) asks it here, in China's time zone:
 * the marketplace's users, its web forms and its calendar dates live there, while the servers may run in
 * UTC — between 00:00 and 08:00 China time the UTC date is still yesterday.
 *
 * Pure (no Node or Nest imports), so the web app can share the rules that use it.
 */

/** China Standard Time, UTC+8 all year (no daylight saving since 1991). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const systemTime = (): Date => new Date();
let source: () => Date = systemTime;

/** The instant the rules take as now: the system time, unless a test has set another with `setClock`. */
export const clock = {
  now: (): Date => source(),
};

/**
 * Tests: makes `clock.now()` answer `instant` (or whatever `instant()` returns) until the returned
 * function is called, which puts the system time back.
 */
export function setClock(instant: Date | (() => Date)): () => void {
  source = typeof instant === 'function' ? instant : () => new Date(instant.getTime());
  return () => {
    source = systemTime;
  };
}

const chinaDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in China at `instant`. */
export function chinaDate(instant: Date): string {
  return chinaDateFormat.format(instant);
}

const chinaDateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The date and time in China at `instant`, whatever the machine's or browser's zone: 2026-01-08 09:05:03. */
export function chinaDateTime(instant: Date): string {
  const parts = Object.fromEntries(chinaDateTimeFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/** Today's date (YYYY-MM-DD) in China, at `now` (the clock's now by default). */
export function todayInChina(now: Date = clock.now()): string {
  return chinaDate(now);
}

/** The calendar year in China at `now`. */
export function yearInChina(now: Date = clock.now()): number {
  return Number(chinaDate(now).slice(0, 4));
}

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar date `days` after `date` (both YYYY-MM-DD; negative days go back). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The date in China `days` days from today (today at `now`). */
export function chinaDateIn(days: number, now: Date = clock.now()): string {
  return addDays(todayInChina(now), days);
}

/** Whether `date` (YYYY-MM-DD) is a real date after today in China. */
export function isAfterTodayInChina(date: string, now: Date = clock.now()): boolean {
  return isIsoDate(date) && date > todayInChina(now);
}
