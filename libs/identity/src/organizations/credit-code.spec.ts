import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, creditCodeProblem, isCreditCode, normalizeCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of two large companies; both verified with this algorithm.
  it.each(['91440300708461136T', '91110000802100433B'])('accepts the published code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character over the first 17 characters (weights 3^i mod 31)', () => {
    expect(creditCodeCheckCharacter('91440300708461136')).toBe('T');
    // Crafted: registration authority 9, category 1, 海宁市 330481, organisation code 1234567X8.
    const first17 = '913304811234567X8';
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(isCreditCode(code)).toBe(true);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // Find a 17-character body whose weighted sum is a multiple of 31 by varying the last character.
    const body = [...CREDIT_CODE_ALPHABET].map((last) => `9133048100000000${last}`).find((candidate) => creditCodeCheckCharacter(candidate) === '0');
    expect(body).toBeDefined();
    expect(isCreditCode(`${body}0`)).toBe(true);
  });

  it('names the check character a code should have', () => {
    expect(creditCodeProblem('91440300708461136X')).toBe('has a wrong check character: the check character should be T');
  });

  it('refuses every single-character change of a valid code', () => {
    const valid = '91440300708461136T';
    for (let position = 0; position < 18; position += 1) {
      for (const replacement of CREDIT_CODE_ALPHABET) {
        if (replacement === valid[position]) continue;
        const changed = valid.slice(0, position) + replacement + valid.slice(position + 1);
        expect(isCreditCode(changed)).toBe(false);
      }
    }
  });

  it.each([
    ['9144030070846113', /18 characters long \(got 16\)/],
    ['91440300708461136TT', /18 characters long \(got 19\)/],
    ['9144030070846113IT', /contains "I"/],
    ['914403007084611 6T', /contains " "/],
    ['91A40300708461136T', /characters 3–8 must be digits/],
  ])('explains what is wrong with %s', (code, message) => {
    expect(creditCodeProblem(code)).toMatch(message);
  });

  it('normalises case and surrounding whitespace', () => {
    expect(normalizeCreditCode(' 91440300708461136t ')).toBe('91440300708461136T');
  });
});
