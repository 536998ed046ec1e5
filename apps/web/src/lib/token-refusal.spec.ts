import { refusesAccessToken } from './token-refusal';

const refusal = (reason: string, code = 'UNAUTHENTICATED') => ({ errors: [{ message: '…', extensions: { code, reason } }], data: null });

describe('refusesAccessToken', () => {
  it.each(['SESSION_ENDED', 'ROLES_CHANGED', 'TOKEN_EXPIRED', 'TOKEN_INVALID'])('is true for a token refused as %s', (reason) => {
    expect(refusesAccessToken(refusal(reason))).toBe(true);
  });

  it('is true when any of several errors refuses the token', () => {
    const body = { errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }, ...refusal('ROLES_CHANGED').errors] };
    expect(refusesAccessToken(body)).toBe(true);
  });

  it.each([
    ['a wrong password (UNAUTHENTICATED without a token reason)', { errors: [{ message: 'Email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } }] }],
    ['a missing token', refusal('TOKEN_MISSING')],
    ['a role the user lacks', { errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }],
    ['the same reason under another code', refusal('SESSION_ENDED', 'BAD_USER_INPUT')],
    ['a success', { data: { me: null } }],
    ['no body', null],
    ['a non-GraphQL body', 'Bad Gateway'],
  ])('is false for %s', (_case, body) => {
    expect(refusesAccessToken(body)).toBe(false);
  });
});
