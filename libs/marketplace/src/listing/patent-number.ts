import { clock, yearInChina } from '@ttm/clock';
/**
 * Chinese patent application / grant numbers (CNIPA, since 2003): an optional `ZL` (granted) or `CN`
 * prefix, a 4-digit filing year, the type digit (1 invention, 2 utility model, 3 design,
 * 8 PCT invention, 9 PCT utility model), a 7-digit serial, '.', and a check character.
 */
const PATENT_NUMBER = /^(ZL|CN)?(\d{4})([12389])(\d{7})\.([0-9X])$/;
const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9];
const FIRST_YEAR = 1985;

/** CNIPA check character of the 12 digits before the '.': weights 2–9 cycling, sum mod 11, 10 → 'X'. */
export function patentCheckCharacter(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error('patentCheckCharacter needs exactly 12 digits');
  const sum = [...twelveDigits].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index % WEIGHTS.length], 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Trims, removes inner spaces and upper-cases, so `zl 2017 1 0601862.3` reads as `ZL201710601862.3`. */
export function normalizePatentNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export type PatentNumberProblem = 'FORMAT' | 'YEAR' | 'CHECK_DIGIT';

/** Why a (normalized) patent number is not valid, or null when it is. */
export function patentNumberProblem(value: string, now: Date = clock.now()): PatentNumberProblem | null {
  const match = PATENT_NUMBER.exec(value);
  if (!match) return 'FORMAT';
  const [, , year, type, serial, check] = match;
  if (Number(year) < FIRST_YEAR || Number(year) > yearInChina(now)) return 'YEAR';
  return patentCheckCharacter(`${year}${type}${serial}`) === check ? null : 'CHECK_DIGIT';
}

export const isValidPatentNumber = (value: string): boolean => patentNumberProblem(normalizePatentNumber(value)) === null;
