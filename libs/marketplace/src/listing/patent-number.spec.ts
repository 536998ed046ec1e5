import { isValidPatentNumber, normalizePatentNumber, patentCheckCharacter, patentNumberProblem } from './patent-number';

describe('Chinese patent numbers', () => {
  it('computes the CNIPA check digit (weights 2–9 cycling, mod 11)', () => {
    // (2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5) = 157, 157 mod 11 = 3
    expect(patentCheckCharacter('201710601862')).toBe('3');
  });

  it('writes a remainder of 10 as X', () => {
    // 2·2+0·3+2·4+3·5+1·6+0·7+0·8+0·9+0·2+0·3+0·4+2·5 = 43 → 43 mod 11 = 10
    expect(patentCheckCharacter('202310000002')).toBe('X');
    expect(isValidPatentNumber('ZL202310000002.X')).toBe(true);
    expect(isValidPatentNumber('ZL202310000002.0')).toBe(false);
  });

  it.each(['201710601862.3', 'ZL201710601862.3', 'CN201710601862.3', 'zl 2017 1 0601862.3'])('accepts %p', (value) => {
    expect(isValidPatentNumber(value)).toBe(true);
  });

  it.each([
    ['201710601862.4', 'CHECK_DIGIT'],
    ['201740601862.3', 'FORMAT'],
    ['20171060186.3', 'FORMAT'],
    ['2017106018623', 'FORMAT'],
    ['US201710601862.3', 'FORMAT'],
    ['95115608.X', 'FORMAT'],
    ['198010601862.0', 'YEAR'],
  ])('refuses %p (%s)', (value, problem) => {
    expect(patentNumberProblem(normalizePatentNumber(value))).toBe(problem);
  });

  it('refuses a filing year in the future', () => {
    const digits = '209910000001';
    expect(patentNumberProblem(`${digits}.${patentCheckCharacter(digits)}`, new Date('2026-06-01'))).toBe('YEAR');
  });
});
