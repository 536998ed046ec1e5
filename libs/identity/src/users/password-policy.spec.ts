import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each(['abcdefg1', 'Demo@2026pass', '密码密码密码12', `${'a'.repeat(127)}1`])('accepts %p', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it.each([
    ['abcdef1', /8–128 characters long \(got 7\)/],
    [`${'a'.repeat(128)}1`, /8–128 characters long \(got 129\)/],
    ['12345678', /at least one letter/],
    ['abcdefgh', /at least one digit/],
    ['', /got 0/],
  ])('refuses %p and says why', (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('😀😀😀a1b')).toMatch(/got 6/);
  });
});
