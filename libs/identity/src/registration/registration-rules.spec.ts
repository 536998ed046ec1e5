import { codeHash, codeState, newRegistrationCode, REGISTRATION_CODE, sameHash } from './registration-rules';

describe('registration code rules', () => {
  it('makes codes of exactly the configured digits, leading zeros included, spread over the whole range', () => {
    const codes = Array.from({ length: 2000 }, newRegistrationCode);
    expect(codes.every((code) => new RegExp(`^\\d{${REGISTRATION_CODE.digits}}$`).test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((code) => code.startsWith('0'))).toBe(true);
  });

  it('binds a stored code to its address and to the secret', () => {
    const stored = codeHash('secret', 'a@example.cn', '012345');
    expect(sameHash(stored, codeHash('secret', 'a@example.cn', '012345'))).toBe(true);
    expect(sameHash(stored, codeHash('secret', 'b@example.cn', '012345'))).toBe(false);
    expect(sameHash(stored, codeHash('other', 'a@example.cn', '012345'))).toBe(false);
    expect(sameHash(stored, codeHash('secret', 'a@example.cn', '012346'))).toBe(false);
  });

  it('lets a code be tried until it expires or has had its wrong entries', () => {
    const now = new Date('2026-12-03T08:00:00+08:00');
    const later = new Date(now.getTime() + 1000);
    expect(codeState(null, now)).toBe('NONE');
    expect(codeState({ expiresAt: later, attempts: 0 }, now)).toBe('OPEN');
    expect(codeState({ expiresAt: later, attempts: REGISTRATION_CODE.maxAttempts - 1 }, now)).toBe('OPEN');
    expect(codeState({ expiresAt: later, attempts: REGISTRATION_CODE.maxAttempts }, now)).toBe('USED_UP');
    expect(codeState({ expiresAt: now, attempts: 0 }, now)).toBe('EXPIRED');
  });
});
