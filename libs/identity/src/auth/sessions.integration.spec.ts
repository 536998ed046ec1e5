import { LOGIN_LIMITS } from './login-throttle.service';
import { JwtService } from '@nestjs/jwt';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_AUDIENCE, JWT_ISSUER, RevocationListPage, REVOCATIONS_PATH, signServiceToken } from '@ttm/auth';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { uniqueEmail } from '../testing/fixtures';
import { dataOf, RunningIdentity, sql, startIdentity, TEST_JWT_SECRET } from '../testing/identity-test-app';
import { AuthPayloadResult, CHANGE_PASSWORD, claimsOf, LOGIN, LOGOUT, ME, REFRESH, REGISTER, SET_ROLES, SIGN_OUT_EVERYWHERE } from '../testing/operations';

jest.setTimeout(60_000);

const ADMIN = { email: 'admin@sessions.test', password: 'Admin-2026-sessions' };
const PASSWORD = 'Passw0rd!';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sessions are the truth for access tokens, as identity itself decides (it reads its own tables for
 * every token; the other services follow its list, see revocation-list.integration.spec.ts).
 */
describe('sessions and access-token revocation in identity (real PostgreSQL)', () => {
  let database: TestDatabase;
  let identity: RunningIdentity;
  let admin: AuthPayloadResult;

  beforeAll(async () => {
    database = await createTestDatabase('identity_sessions');
    identity = await startIdentity(database.url, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    admin = dataOf(await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: ADMIN })).login;
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
  });

  async function newUser(label: string, role = 'BROKER'): Promise<AuthPayloadResult & { email: string }> {
    const email = uniqueEmail(label);
    const result = await identity.request<{ register: AuthPayloadResult }>(REGISTER, { input: { email, password: PASSWORD, displayName: label, role } });
    return { ...dataOf(result).register, email };
  }

  const login = async (email: string, password = PASSWORD) =>
    dataOf(await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: { email, password } })).login;
  const refresh = (token: string) => identity.request<{ refreshToken: AuthPayloadResult }>(REFRESH, { token });
  const me = (accessToken: string) => identity.request<{ me: { id: string; roles: string[] } | null }>(ME, {}, accessToken);

  /** The refusal of a request made with this access token. */
  async function refusalOf(accessToken: string) {
    const result = await me(accessToken);
    expect(result.errors).toHaveLength(1);
    return result.errors?.[0];
  }

  const sessionRows = (userId: string) =>
    sql<{ id: string; revoke_reason: string | null }>(database.url, 'SELECT id, revoke_reason FROM identity.sessions WHERE user_id = $1 ORDER BY created_at', [userId]);

  it('names the session in every access token, keeps it across refreshes and starts a new one per sign-in', async () => {
    const user = await newUser('Named');
    const registered = claimsOf(user.accessToken);
    expect(registered).toMatchObject({ sub: user.user.id, ver: 1 });
    expect((await sessionRows(user.user.id)).map((row) => row.id)).toEqual([registered.sid]);

    const refreshed = dataOf(await refresh(user.refreshToken)).refreshToken;
    expect(claimsOf(refreshed.accessToken).sid).toBe(registered.sid);
    const [{ last_used_at: lastUsed, created_at: created }] = await sql<{ last_used_at: Date; created_at: Date }>(
      database.url,
      'SELECT last_used_at, created_at FROM identity.sessions WHERE id = $1',
      [registered.sid],
    );
    expect(lastUsed.getTime()).toBeGreaterThan(created.getTime());

    const again = await login(user.email);
    expect(claimsOf(again.accessToken).sid).not.toBe(registered.sid);
    expect(await sessionRows(user.user.id)).toHaveLength(2);
  });

  it('refuses an access token that names no session, or a session that does not exist', async () => {
    const user = await newUser('Sessionless');
    const sign = (claims: Record<string, unknown>) =>
      new JwtService({ secret: TEST_JWT_SECRET }).sign(claims, { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn: 60 });
    const base = { sub: user.user.id, roles: user.user.roles, typ: 'access' };
    expect(await refusalOf(sign(base))).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' } });
    expect(await refusalOf(sign({ ...base, sid: randomUUID(), ver: 1 }))).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' },
    });
  });

  it('logout with a refresh token ends that session at once; the other device stays signed in', async () => {
    const user = await newUser('Leaving');
    const phone = await login(user.email);
    const laptop = await login(user.email);
    expect(dataOf(await identity.request<{ logout: boolean }>(LOGOUT, { refreshToken: phone.refreshToken })).logout).toBe(true);

    expect(await refusalOf(phone.accessToken)).toMatchObject({
      message: expect.stringMatching(/session has ended.*sign in again/),
      extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' },
    });
    expect((await refresh(phone.refreshToken)).errors?.[0].message).toMatch(/revoked/);
    expect(dataOf(await me(laptop.accessToken)).me?.id).toBe(user.user.id);
    expect((await refresh(laptop.refreshToken)).errors).toBeUndefined();
    const reasons = new Map((await sessionRows(user.user.id)).map((row) => [row.id, row.revoke_reason]));
    expect(reasons.get(claimsOf(phone.accessToken).sid)).toBe('LOGOUT');
    expect(reasons.get(claimsOf(laptop.accessToken).sid)).toBeNull();
  });

  it('logout without a refresh token ends every session of the caller', async () => {
    const user = await newUser('Everywhere');
    const other = await login(user.email);
    expect(dataOf(await identity.request<{ logout: boolean }>(LOGOUT, {}, user.accessToken)).logout).toBe(true);
    for (const session of [user, other]) {
      expect((await refusalOf(session.accessToken))?.extensions?.['reason']).toBe('SESSION_ENDED');
      expect((await refresh(session.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await sessionRows(user.user.id)).every((row) => row.revoke_reason === 'LOGOUT')).toBe(true);
  });

  it('setUserRoles refuses the access tokens issued before it at once; the sessions go on and a refresh carries the new roles', async () => {
    const user = await newUser('Demoted', 'BROKER');
    const second = await login(user.email);
    dataOf(await identity.request(SET_ROLES, { userId: user.user.id, roles: ['RESEARCHER'] }, admin.accessToken));

    for (const session of [user, second]) {
      expect(await refusalOf(session.accessToken)).toMatchObject({
        message: expect.stringMatching(/roles changed.*refreshToken/),
        extensions: { code: 'UNAUTHENTICATED', reason: 'ROLES_CHANGED' },
      });
    }
    const refreshed = dataOf(await refresh(user.refreshToken)).refreshToken;
    expect(refreshed.user.roles).toEqual(['RESEARCHER']);
    expect(claimsOf(refreshed.accessToken)).toMatchObject({ roles: ['RESEARCHER'], ver: 2, sid: claimsOf(user.accessToken).sid });
    expect(dataOf(await me(refreshed.accessToken)).me?.roles).toEqual(['RESEARCHER']);
    expect((await sessionRows(user.user.id)).every((row) => row.revoke_reason === null)).toBe(true);
  });

  it('decides a token issued in the same second as the role change by its version, not its issue time', async () => {
    const user = await newUser('SameSecond', 'BROKER');
    let refreshToken = user.refreshToken;
    let roles = ['BROKER'];
    // Token A with the old roles, the role change, token B with the new ones — all within one second of
    // the clock (JWT `iat` has whole seconds). On a slow machine that can take a few tries.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await sleep(1000 - (Date.now() % 1000) + 5);
      const before = dataOf(await refresh(refreshToken)).refreshToken;
      roles = roles[0] === 'BROKER' ? ['RESEARCHER'] : ['BROKER'];
      dataOf(await identity.request(SET_ROLES, { userId: user.user.id, roles }, admin.accessToken));
      const after = dataOf(await refresh(before.refreshToken)).refreshToken;
      refreshToken = after.refreshToken;
      const [{ changed_at: changedAt }] = await sql<{ changed_at: Date }>(database.url, 'SELECT token_version_changed_at AS changed_at FROM identity.users WHERE id = $1', [
        user.user.id,
      ]);
      const seconds = new Set([claimsOf(before.accessToken).iat, claimsOf(after.accessToken).iat, Math.floor(changedAt.getTime() / 1000)]);
      if (seconds.size > 1) continue;

      expect(claimsOf(after.accessToken).ver).toBe(claimsOf(before.accessToken).ver + 1);
      expect((await refusalOf(before.accessToken))?.extensions?.['reason']).toBe('ROLES_CHANGED');
      expect(dataOf(await me(after.accessToken)).me?.roles).toEqual(roles);
      return;
    }
    throw new Error('could not issue two tokens and change roles within one second in 5 tries');
  });

  it('refuses a demoted administrator its old token, so it cannot give itself ADMIN back', async () => {
    const colleague = await newUser('Colleague', 'BROKER');
    dataOf(await identity.request(SET_ROLES, { userId: colleague.user.id, roles: ['BROKER', 'ADMIN'] }, admin.accessToken));
    const asAdmin = await login(colleague.email);
    expect(asAdmin.user.roles).toEqual(['BROKER', 'ADMIN']);

    dataOf(await identity.request(SET_ROLES, { userId: colleague.user.id, roles: ['BROKER'] }, admin.accessToken));
    const restore = await identity.request(SET_ROLES, { userId: colleague.user.id, roles: ['BROKER', 'ADMIN'] }, asAdmin.accessToken);
    expect(restore.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ROLES_CHANGED' });
    const [row] = await sql<{ roles: string[] }>(database.url, 'SELECT roles FROM identity.users WHERE id = $1', [colleague.user.id]);
    expect(row.roles).toEqual(['BROKER']);
    // Its refresh gives a token with the roles it has now, which the guard refuses as it should.
    const refreshed = dataOf(await refresh(asAdmin.refreshToken)).refreshToken;
    const again = await identity.request(SET_ROLES, { userId: colleague.user.id, roles: ['BROKER', 'ADMIN'] }, refreshed.accessToken);
    expect(again.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('changePassword', () => {
    const change = (accessToken: string, currentPassword: string, newPassword: string) =>
      identity.request<{ changePassword: boolean }>(CHANGE_PASSWORD, { currentPassword, newPassword }, accessToken);

    it.each([
      ['a wrong current password', 'Wrong-pass-1', 'NewPassw0rd', /currentPassword: this is not your current password/],
      ['a new password without a digit', PASSWORD, 'NewPassword', /newPassword: must contain at least one digit/],
      ['a short new password', PASSWORD, 'Ab1', /newPassword: must be 8–128 characters long/],
      ['the current password again', PASSWORD, PASSWORD, /newPassword: must differ from your current password/],
      ['an empty current password', '', 'NewPassw0rd', /currentPassword: is required/],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, current, next, message) => {
      const user = await newUser('Unchanged');
      const other = await login(user.email);
      const [before] = await sql<{ password_hash: string }>(database.url, 'SELECT password_hash FROM identity.users WHERE id = $1', [user.user.id]);
      const result = await change(user.accessToken, current, next);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(message) });
      const [after] = await sql<{ password_hash: string }>(database.url, 'SELECT password_hash FROM identity.users WHERE id = $1', [user.user.id]);
      expect(after.password_hash).toBe(before.password_hash);
      expect(dataOf(await me(other.accessToken)).me?.id).toBe(user.user.id);
    });

    it('counts wrong current passwords as failed sign-ins: a stolen token cannot guess the password forever', async () => {
      const user = await newUser('Guessed');
      for (let attempt = 0; attempt < LOGIN_LIMITS.consecutiveFailuresPerPair; attempt += 1) {
        expect((await change(user.accessToken, `Wrong-pass-${attempt}`, 'NewPassw0rd')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      // Even the right password is refused now, from this client address, and nothing changed.
      const blocked = await change(user.accessToken, PASSWORD, 'NewPassw0rd');
      expect(blocked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(dataOf(await me(user.accessToken)).me?.id).toBe(user.user.id);
    });

    it('needs a signed-in caller', async () => {
      const result = await identity.request(CHANGE_PASSWORD, { currentPassword: PASSWORD, newPassword: 'NewPassw0rd' });
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('sets the new password and ends every other session; this one goes on', async () => {
      const user = await newUser('Changer');
      const stolen = await login(user.email);
      const result = await change(user.accessToken, PASSWORD, 'Brand-new-2026');
      expect(dataOf(result).changePassword).toBe(true);

      expect((await refusalOf(stolen.accessToken))?.extensions?.['reason']).toBe('SESSION_ENDED');
      expect((await refresh(stolen.refreshToken)).errors?.[0].message).toMatch(/revoked/);
      expect(dataOf(await me(user.accessToken)).me?.id).toBe(user.user.id);
      expect((await refresh(user.refreshToken)).errors).toBeUndefined();
      const reasons = new Map((await sessionRows(user.user.id)).map((row) => [row.id, row.revoke_reason]));
      expect(reasons.get(claimsOf(stolen.accessToken).sid)).toBe('PASSWORD_CHANGED');
      expect(reasons.get(claimsOf(user.accessToken).sid)).toBeNull();

      const oldPassword = await identity.request(LOGIN, { input: { email: user.email, password: PASSWORD } });
      expect(oldPassword.errors?.[0].message).toBe('Email or password is incorrect');
      expect((await login(user.email, 'Brand-new-2026')).user.id).toBe(user.user.id);
    });
  });

  describe('signOutEverywhere', () => {
    it('is for administrators only, and refuses unknown and malformed ids', async () => {
      const user = await newUser('Bystander');
      const byUser = await identity.request(SIGN_OUT_EVERYWHERE, { userId: user.user.id }, user.accessToken);
      expect(byUser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const unknown = await identity.request(SIGN_OUT_EVERYWHERE, { userId: randomUUID() }, admin.accessToken);
      expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringMatching(/^User .* does not exist/) });
      const malformed = await identity.request(SIGN_OUT_EVERYWHERE, { userId: 'nobody' }, admin.accessToken);
      expect(malformed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/userId: must be a user id/) });
      expect(dataOf(await me(user.accessToken)).me?.id).toBe(user.user.id);
    });

    it('ends every session of the user at once and says how many were open', async () => {
      const user = await newUser('Compromised');
      const second = await login(user.email);
      const result = await identity.request<{ signOutEverywhere: number }>(SIGN_OUT_EVERYWHERE, { userId: user.user.id }, admin.accessToken);
      expect(dataOf(result).signOutEverywhere).toBe(2);
      for (const session of [user, second]) {
        expect((await refusalOf(session.accessToken))?.extensions?.['reason']).toBe('SESSION_ENDED');
        expect((await refresh(session.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect((await sessionRows(user.user.id)).map((row) => row.revoke_reason)).toEqual(['SIGNED_OUT_BY_ADMIN', 'SIGNED_OUT_BY_ADMIN']);
      // Signing in again starts a new session that works.
      expect(dataOf(await me((await login(user.email)).accessToken)).me?.id).toBe(user.user.id);
    });
  });

  describe(`GET ${REVOCATIONS_PATH}`, () => {
    const get = async (token?: string): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(new URL(REVOCATIONS_PATH, identity.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: response.status, body: await response.json() };
    };

    it('answers only service tokens', async () => {
      const user = await newUser('Curious');
      expect((await get()).status).toBe(401);
      expect((await get(user.accessToken)).status).toBe(401);
    });

    it('lists ended sessions and role cut-offs younger than the access-token lifetime, and nothing older', async () => {
      const user = await newUser('Listed');
      const stale = await login(user.email);
      await identity.request(LOGOUT, { refreshToken: user.refreshToken });
      await identity.request(LOGOUT, { refreshToken: stale.refreshToken });
      dataOf(await identity.request(SET_ROLES, { userId: user.user.id, roles: ['ENTERPRISE'] }, admin.accessToken));
      // One ended long enough ago that every token of it has expired.
      await sql(database.url, `UPDATE identity.sessions SET revoked_at = now() - make_interval(secs => $2) WHERE id = $1`, [
        claimsOf(stale.accessToken).sid,
        ACCESS_TOKEN_TTL_SECONDS + 120,
      ]);

      const { status, body } = await get(await signServiceToken(identity.app.get(JwtService), 'marketplace'));
      expect(status).toBe(200);
      const page = body as RevocationListPage;
      expect(page.sessions).toContain(claimsOf(user.accessToken).sid);
      expect(page.sessions).not.toContain(claimsOf(stale.accessToken).sid);
      expect(page.users).toContainEqual({ id: user.user.id, tokenVersion: 2 });

      await sql(database.url, `UPDATE identity.users SET token_version_changed_at = now() - make_interval(secs => $2) WHERE id = $1`, [
        user.user.id,
        ACCESS_TOKEN_TTL_SECONDS + 120,
      ]);
      const later = (await get(await signServiceToken(identity.app.get(JwtService), 'marketplace'))).body as RevocationListPage;
      expect(later.users.map((entry) => entry.id)).not.toContain(user.user.id);
    });
  });
});
