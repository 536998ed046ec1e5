import { creditCodeCheckCharacter } from '../organizations/credit-code';

/** A valid, made-up credit code (海宁市 enterprise); different `n` give different codes. */
export function craftedCreditCode(n: number): string {
  const first17 = `91330481MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The same code with a wrong check character, and the one it should have. */
export function withWrongCheckCharacter(code: string): { code: string; expected: string } {
  const expected = code[17];
  return { code: code.slice(0, 17) + (expected === '0' ? '1' : '0'), expected };
}

let counter = 0;
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}@example.cn`;
}
