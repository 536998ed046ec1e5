import { JwtService } from '@nestjs/jwt';
import { CLIENT_ADDRESS_HEADER, JWT_AUDIENCE, JWT_ISSUER } from '@ttm/auth';
import { createTestDatabase, postJsonFrom, TestDatabase } from '@ttm/testing';
import { uniqueEmail } from '../testing/fixtures';
import { countRows, dataOf, RunningIdentity, sql, startIdentity, TEST_JWT_SECRET } from '../testing/identity-test-app';
import { AuthPayloadResult, LOGIN, LOGOUT, ME, REFRESH, REGISTER, REGISTRATION_OPTIONS, REQUEST_REGISTRATION_CODE } from '../testing/operations';
import { LOGIN_LIMITS } from './login-throttle.service';

jest.setTimeout(60_000);

describe('identity auth over GraphQL (real PostgreSQL)', () => {
  let database: TestDatabase;
  let identity: RunningIdentity;

  beforeAll(async () => {
    database = await createTestDatabase('identity_auth');
    identity = await startIdentity(database.url);
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
  });

  async function register(input: Record<string, unknown>) {
    return identity.request<{ register: AuthPayloadResult }>(REGISTER, { input });
  }

  async function registered(label: string, password = 'Passw0rd!'): Promise<{ email: string; password: string; payload: AuthPayloadResult }> {
    const email = uniqueEmail(label);
    const result = await register({ email, password, displayName: label, role: 'ENTERPRISE' });
    expect(result.errors).toBeUndefined();
    return { email, password, payload: dataOf(result).register };
  }

  async function login(email: string, password: string) {
    return identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: { email, password } });
  }

  describe('register → login → me → refresh → logout', () => {
    it('runs the whole session life cycle', async () => {
      const email = uniqueEmail('Story');
      const registration = await register({ email: `  ${email.toUpperCase()} `, password: 'Secret2026', displayName: ' 张 三 ', role: 'RESEARCHER' });
      expect(registration.errors).toBeUndefined();
      const registeredUser = dataOf(registration).register.user;
      expect(registeredUser).toMatchObject({ email: email.toLowerCase(), displayName: '张 三', roles: ['RESEARCHER'] });
      const [stored] = await sql<{ email: string; password_hash: string }>(database.url, 'SELECT email, password_hash FROM identity.users WHERE id = $1', [registeredUser.id]);
      expect(stored.email).toBe(email.toLowerCase());
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);

      const signedIn = await login(email.toUpperCase(), 'Secret2026');
      expect(signedIn.errors).toBeUndefined();
      const session = dataOf(signedIn).login;
      expect(session.user.id).toBe(registeredUser.id);
      const accessTtl = Date.parse(session.accessTokenExpiresAt) - Date.now();
      expect(accessTtl).toBeGreaterThan(14 * 60_000);
      expect(accessTtl).toBeLessThanOrEqual(15 * 60_000);
      const refreshTtlDays = (Date.parse(session.refreshTokenExpiresAt) - Date.now()) / 86_400_000;
      expect(refreshTtlDays).toBeGreaterThan(29.9);
      expect(refreshTtlDays).toBeLessThanOrEqual(30);

      const me = await identity.request<{ me: { id: string; email: string } }>(ME, {}, session.accessToken);
      expect(me.data?.me).toMatchObject({ id: registeredUser.id, email: email.toLowerCase() });

      // Only the SHA-256 of the refresh token is stored.
      const tokens = await sql<{ token_hash: string }>(database.url, 'SELECT token_hash FROM identity.refresh_tokens WHERE user_id = $1', [registeredUser.id]);
      expect(tokens.map((row) => row.token_hash)).not.toContain(session.refreshToken);

      const refreshed = await identity.request<{ refreshToken: AuthPayloadResult }>(REFRESH, { token: session.refreshToken });
      expect(refreshed.errors).toBeUndefined();
      const next = dataOf(refreshed).refreshToken;
      expect(next.refreshToken).not.toBe(session.refreshToken);
      expect(next.user.id).toBe(registeredUser.id);
      const meAgain = await identity.request<{ me: { id: string } }>(ME, {}, next.accessToken);
      expect(meAgain.data?.me.id).toBe(registeredUser.id);

      const loggedOut = await identity.request<{ logout: boolean }>(LOGOUT, { refreshToken: next.refreshToken });
      expect(loggedOut.data?.logout).toBe(true);
      const afterLogout = await identity.request(REFRESH, { token: next.refreshToken });
      expect(afterLogout.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/revoked/) });
    });

    it('refuses a rotated refresh token, and its reuse ends the whole family', async () => {
      const { email, password } = await registered('Rotation');
      const first = dataOf(await login(email, password)).login;
      const other = dataOf(await login(email, password)).login; // another device: another family

      const second = dataOf(await identity.request<{ refreshToken: AuthPayloadResult }>(REFRESH, { token: first.refreshToken })).refreshToken;
      const replay = await identity.request(REFRESH, { token: first.refreshToken });
      expect(replay.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/already used/) });

      // The legitimate successor was revoked along with the family …
      const successor = await identity.request(REFRESH, { token: second.refreshToken });
      expect(successor.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // … while the session on the other device lives on.
      const otherDevice = await identity.request<{ refreshToken: AuthPayloadResult }>(REFRESH, { token: other.refreshToken });
      expect(otherDevice.errors).toBeUndefined();

      const reasons = await sql<{ revoke_reason: string | null }>(
        database.url,
        `SELECT revoke_reason FROM identity.sessions WHERE user_id = $1 ORDER BY created_at`,
        [first.user.id],
      );
      expect(reasons.map((row) => row.revoke_reason)).toEqual([null, 'REUSE_DETECTED', null]);
    });

    it('lets only one of two concurrent uses of a refresh token succeed', async () => {
      const { email, password } = await registered('Concurrent');
      const session = dataOf(await login(email, password)).login;
      const results = await Promise.all([1, 2].map(() => identity.request(REFRESH, { token: session.refreshToken })));
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      expect(results.filter((result) => result.errors?.[0].extensions?.code === 'UNAUTHENTICATED')).toHaveLength(1);
    });

    it('refuses unknown and expired refresh tokens', async () => {
      const unknown = await identity.request(REFRESH, { token: 'not-a-token' });
      expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/not valid/) });

      const { email, password } = await registered('Expired');
      const session = dataOf(await login(email, password)).login;
      await sql(database.url, `UPDATE identity.refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [session.user.id]);
      const expired = await identity.request(REFRESH, { token: session.refreshToken });
      expect(expired.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/expired/) });
    });

    it('signs out everywhere with the access token alone, and needs one of the two', async () => {
      const { email, password } = await registered('Everywhere');
      const a = dataOf(await login(email, password)).login;
      const b = dataOf(await login(email, password)).login;
      const anonymous = await identity.request(LOGOUT, {});
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const everywhere = await identity.request<{ logout: boolean }>(LOGOUT, {}, a.accessToken);
      expect(everywhere.data?.logout).toBe(true);
      for (const token of [a.refreshToken, b.refreshToken]) {
        expect((await identity.request(REFRESH, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect((await identity.request<{ logout: boolean }>(LOGOUT, { refreshToken: 'unknown' })).data?.logout).toBe(false);
    });
  });

  describe('registration refuses bad input with BAD_USER_INPUT and writes nothing', () => {
    const valid = { email: 'valid@example.cn', password: 'Passw0rd', displayName: '有效用户', role: 'BROKER' };

    it.each([
      ['a malformed email', { email: 'not-an-email' }, /email: must be a valid email address/],
      ['an email without a domain', { email: 'someone@' }, /email: must be a valid email address/],
      ['a too long email', { email: `${'a'.repeat(250)}@example.cn` }, /email: must be at most 254 characters/],
      ['a short password', { password: 'Ab1' }, /password: must be 8–128 characters long/],
      ['a password without a digit', { password: 'Password' }, /password: must contain at least one digit/],
      ['a password without a letter', { password: '12345678' }, /password: must contain at least one letter/],
      ['a too long password', { password: `a1${'x'.repeat(127)}` }, /password: must be 8–128 characters long/],
      ['an empty display name', { displayName: '   ' }, /displayName: must be 1–50 characters long/],
      ['a too long display name', { displayName: '名'.repeat(51) }, /displayName: must be 1–50 characters long/],
      ['the ADMIN role', { role: 'ADMIN' }, /role: must be one of ENTERPRISE, RESEARCHER, BROKER; ADMIN is only granted by an administrator/],
      ['an unknown role', { role: 'WIZARD' }, /input\.role.*"WIZARD" does not exist in "Role" enum/],
    ])('refuses %s', async (_case, override, message) => {
      const before = { users: await countRows(database.url, 'users'), tokens: await countRows(database.url, 'refresh_tokens') };
      const result = await register({ ...valid, ...override });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(message);
      expect(await countRows(database.url, 'users')).toBe(before.users);
      expect(await countRows(database.url, 'refresh_tokens')).toBe(before.tokens);
    });

    it('refuses a taken email, in any case, with CONFLICT', async () => {
      const { email } = await registered('Taken');
      const before = await countRows(database.url, 'users');
      const again = await register({ ...valid, email: email.toUpperCase() });
      expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/already exists/) });
      expect(await countRows(database.url, 'users')).toBe(before);
    });
  });

  describe('login', () => {
    it('gives the same answer for an unknown email and a wrong password', async () => {
      const { email } = await registered('Same');
      const wrongPassword = await login(email, 'Wrong-pass-1');
      const unknownEmail = await login(uniqueEmail('nobody'), 'Wrong-pass-1');
      expect(wrongPassword.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } });
      expect(unknownEmail.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('asks for both fields when one is empty', async () => {
      const result = await login('', '');
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/email and password/) });
    });

  });

  describe('registration without SMTP_URL (the embedded default outside production)', () => {
    it('needs no e-mailed code, tells the web app so, and sends none', async () => {
      expect(dataOf(await identity.request<{ registrationOptions: unknown }>(REGISTRATION_OPTIONS)).registrationOptions).toEqual({
        emailCodeRequired: false,
      });
      const asked = await identity.request(REQUEST_REGISTRATION_CODE, { email: uniqueEmail('nomail') });
      expect(asked.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/sends no e-mail/) });
    });
  });

  /**
   * Throttling keyed on the client address the service sees: each test signs in from its own loopback
   * address (127.0.0.x), as different machines would.
   */
  describe('login throttling per (email, client address) and per client address', () => {
    const loginFrom = (from: string, email: string, password: string) =>
      identity.requestFrom<{ login: AuthPayloadResult }>(from, LOGIN, { input: { email, password } });
    const retryAfter = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0].extensions?.['retryAfterSeconds'];
    const { consecutiveFailuresPerPair: PAIR_MAX, failuresPerAddressPerDay: ADDRESS_MAX } = LOGIN_LIMITS;

    it(`blocks an email from one address after ${LOGIN_LIMITS.consecutiveFailuresPerPair} failures in a row, even for the right password, while the owner signs in from another address`, async () => {
      const { email, password } = await registered('Throttled');
      // Issue 11: 20 anonymous wrong logins from one address.
      const answers: unknown[] = [];
      for (let attempt = 1; attempt <= 20; attempt += 1) answers.push((await loginFrom('127.0.0.2', email, `Wrong-${attempt}x`)).errors?.[0].extensions?.code);
      expect(answers).toEqual([...Array(PAIR_MAX).fill('UNAUTHENTICATED'), ...Array(20 - PAIR_MAX).fill('TOO_MANY_REQUESTS')]);
      const blocked = await loginFrom('127.0.0.2', email, password);
      expect(blocked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      const seconds = Number(/wait (\d+) seconds/.exec(blocked.errors?.[0].message ?? '')?.[1]);
      expect(seconds).toBeGreaterThan(LOGIN_LIMITS.pairBlockSeconds - 60);
      expect(seconds).toBeLessThanOrEqual(LOGIN_LIMITS.pairBlockSeconds);
      expect(retryAfter(blocked)).toBe(seconds);
      expect(blocked.errors?.[0].message).not.toContain(email);

      // The owner, elsewhere, is not locked out by what happened at 127.0.0.2.
      const owner = await loginFrom('127.0.0.3', email, password);
      expect(owner.errors).toBeUndefined();
      expect(dataOf(owner).login.user.email).toBe(email.toLowerCase());
      // …and the attacker's address stays blocked for that email after the owner's success.
      expect((await loginFrom('127.0.0.2', email, password)).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      // Other emails from the same address are unaffected (its daily count is far from the cap).
      const other = await registered('Unaffected');
      expect((await loginFrom('127.0.0.2', other.email, other.password)).errors).toBeUndefined();

      // Kept in PostgreSQL (survives restarts, shared by replicas), keyed by hashes: no email, no address.
      const rows = await sql<{ key: string }>(database.url, 'SELECT key FROM identity.login_throttle');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => row.key.includes(email) || row.key.includes('127.0.0.'))).toEqual([]);
    });

    it('counts unknown emails alike, so a refusal does not tell which accounts exist', async () => {
      const { email } = await registered('Known');
      const unknown = uniqueEmail('ghost');
      for (let attempt = 1; attempt <= PAIR_MAX; attempt += 1) {
        await loginFrom('127.0.0.4', email, 'Wrong-pass-1');
        await loginFrom('127.0.0.4', unknown, 'Wrong-pass-1');
      }
      const known = await loginFrom('127.0.0.4', email, 'Wrong-pass-1');
      const ghost = await loginFrom('127.0.0.4', unknown, 'Wrong-pass-1');
      const shape = (result: typeof known) => ({
        code: result.errors?.[0].extensions?.code,
        message: result.errors?.[0].message.replace(/\d+/g, 'N'),
        keys: Object.keys(result.errors?.[0].extensions ?? {}).sort(),
      });
      expect(shape(known)).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-in attempts: wait N seconds before trying again', keys: ['code', 'retryAfterSeconds'] });
      expect(shape(ghost)).toEqual(shape(known));
    });

    it('lets no more than the limit of concurrent wrong attempts be checked', async () => {
      const { email, password } = await registered('Parallel');
      const answers = await Promise.all(
        Array.from({ length: 3 * PAIR_MAX }, (_, n) => loginFrom('127.0.0.8', email, `Wrong-${n}x`).then((result) => result.errors?.[0].extensions?.code)),
      );
      expect(answers.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(PAIR_MAX);
      expect(answers.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(2 * PAIR_MAX);
      const blocked = await loginFrom('127.0.0.8', email, password);
      expect(retryAfter(blocked)).toBeGreaterThan(LOGIN_LIMITS.pairBlockSeconds - 60);
      expect(retryAfter(blocked)).toBeLessThanOrEqual(LOGIN_LIMITS.pairBlockSeconds);
    });

    it('does not let a client choose the address it is counted under', async () => {
      const { email, password } = await registered('Spoofer');
      for (let attempt = 1; attempt <= PAIR_MAX; attempt += 1) {
        const forged = await postJsonFrom<{ errors?: { message: string }[] }>(
          identity.url,
          { query: LOGIN, variables: { input: { email, password: 'Wrong-pass-1' } } },
          { localAddress: '127.0.0.7', headers: { [CLIENT_ADDRESS_HEADER]: `10.0.0.${attempt}`, 'x-forwarded-for': `10.1.0.${attempt}` } },
        );
        expect(forged.body.errors?.[0].message).toBe('Email or password is incorrect');
      }
      expect((await loginFrom('127.0.0.7', email, password)).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    });

    it('lets a success clear the consecutive failures of its pair', async () => {
      const { email, password } = await registered('Reset');
      for (let round = 1; round <= 2; round += 1) {
        for (let attempt = 1; attempt < PAIR_MAX; attempt += 1) await loginFrom('127.0.0.5', email, 'Wrong-pass-1');
        expect((await loginFrom('127.0.0.5', email, password)).errors).toBeUndefined();
      }
      for (let attempt = 1; attempt < PAIR_MAX; attempt += 1) await loginFrom('127.0.0.5', email, 'Wrong-pass-1');
      expect((await loginFrom('127.0.0.5', email, 'Wrong-pass-1')).errors?.[0].message).toBe('Email or password is incorrect');
      expect((await loginFrom('127.0.0.5', email, password)).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    });

    it(`blocks an address for a day after ${LOGIN_LIMITS.failuresPerAddressPerDay} failures (any emails), leaving other addresses alone`, async () => {
      const { email, password } = await registered('Daily');
      // Fewer than the pair limit per email, so only the address's daily count can block.
      const emails = Array.from({ length: Math.ceil(ADDRESS_MAX / (PAIR_MAX - 1)) }, (_, n) => uniqueEmail(`spray${n}`));
      for (let failure = 0; failure < ADDRESS_MAX; failure += 1) {
        const result = await loginFrom('127.0.0.6', emails[failure % emails.length], 'Wrong-pass-1');
        expect(result.errors?.[0].message).toBe('Email or password is incorrect');
      }
      const blocked = await loginFrom('127.0.0.6', email, password);
      expect(blocked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
      expect(retryAfter(blocked)).toBeGreaterThan(LOGIN_LIMITS.addressBlockSeconds - 60);
      expect(retryAfter(blocked)).toBeLessThanOrEqual(LOGIN_LIMITS.addressBlockSeconds);
      expect((await loginFrom('127.0.0.3', email, password)).errors).toBeUndefined();
    });
  });

  describe('access tokens', () => {
    it('returns null for me without a token', async () => {
      const result = await identity.request<{ me: null }>(ME);
      expect(result.errors).toBeUndefined();
      expect(result.data?.me).toBeNull();
    });

    it('refuses a tampered token with UNAUTHENTICATED', async () => {
      const { payload } = await registered('Tamper');
      const [header, body, signature] = payload.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url');
      for (const token of [`${header}.${forged}.${signature}`, `${header}.${body}.${signature.slice(0, -2)}AA`, 'garbage']) {
        const result = await identity.request(ME, {}, token);
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/invalid/) });
      }
    });

    it('refuses an expired token with UNAUTHENTICATED and says to refresh', async () => {
      const { payload } = await registered('Late');
      const now = Math.floor(Date.now() / 1000);
      const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign(
        { sub: payload.user.id, roles: payload.user.roles, typ: 'access', iat: now - 1000, exp: now - 100 },
        { issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      );
      const result = await identity.request(ME, {}, expired);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/expired.*refreshToken/) });
    });

    it('refuses a token signed with another secret', async () => {
      const { payload } = await registered('Foreign');
      const foreign = new JwtService({ secret: 'another-secret-another-secret-another-secret' }).sign(
        { sub: payload.user.id, roles: ['ADMIN'], typ: 'access' },
        { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn: 60 },
      );
      expect((await identity.request(ME, {}, foreign)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('lets a client with an expired access token still refresh and log in', async () => {
      const { email, password, payload } = await registered('Stale');
      const stale = 'stale.token.value';
      const refreshed = await identity.request(REFRESH, { token: payload.refreshToken }, stale);
      expect(refreshed.errors).toBeUndefined();
      expect((await identity.request(LOGIN, { input: { email, password } }, stale)).errors).toBeUndefined();
    });
  });
});
