/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters — registration
 * authority (1), organisation category (1), administrative division (6, GB/T 2260), organisation
 * code (9, GB 11714) and a check character computed over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i is 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper-cases and drops surrounding whitespace; the stored form. */
export function normalizeCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character the first 17 characters call for; they must be from the alphabet. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('expected the first 17 characters of a credit code');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`character ${first17[i]} is not allowed in a credit code`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a (normalised) code is not valid, as a sentence a person can act on; null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters long (got ${code.length})`;
  const invalid = [...code].find((character) => !CREDIT_CODE_ALPHABET.includes(character));
  if (invalid !== undefined) {
    return `contains "${invalid}", which is not allowed: use digits and capital letters except I, O, S, V and Z`;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'characters 3–8 must be digits (the administrative division code)';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `has a wrong check character: the check character should be ${expected}`;
  return null;
}

export const isCreditCode = (code: string): boolean => creditCodeProblem(code) === null;
