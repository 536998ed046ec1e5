import { createTestDatabase, postJsonFrom, ReceivedMail, SmtpSink, startSmtpSink, TestDatabase, waitForMail } from '@ttm/testing';
import { LOGIN, ME, REGISTER } from './support/operations';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';

jest.setTimeout(240_000);

const REGISTRATION_OPTIONS = /* GraphQL */ `query { registrationOptions { emailCodeRequired } }`;
const REQUEST_CODE = /* GraphQL */ `mutation RequestCode($email: String!) { requestRegistrationCode(email: $email) }`;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
}

/** Two callers on one machine: the gateway sees each request coming from its own loopback address. */
const ATTACKER = '127.0.0.2';
const OWNER = '127.0.0.3';

/**
 * Issue 11, finding 3, through the gateway of the whole marketplace (real processes, real PostgreSQL, a
 * real SMTP server): anonymous wrong passwords must not lock the owner out, and registration must not
 * tell a stranger which addresses have accounts.
 */
describe('login and registration abuse through the gateway', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let marketplace: RunningMarketplace;

  beforeAll(async () => {
    database = await createTestDatabase('login_abuse');
    smtp = await startSmtpSink();
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'false', SMTP_URL: smtp.url } });
  });

  afterAll(async () => {
    await marketplace?.stop();
    await smtp?.stop();
    await database?.drop();
  });

  async function call<T>(from: string, query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = accessToken ? { authorization: `Bearer ${accessToken}` } : {};
    const { status, body } = await postJsonFrom<GraphQLResponse<T>>(marketplace.url, { query, variables }, { localAddress: from, headers });
    expect(status).toBeLessThan(500);
    return body;
  }
  const login = (from: string, email: string, password: string) =>
    call<{ login: { accessToken: string; user: { id: string; roles: string[] } } }>(from, LOGIN, { input: { email, password } });
  const codeIn = (mail: ReceivedMail) => /验证码是：(\d{6})/.exec(mail.text)?.[1];

  it("20 anonymous wrong logins for the administrator from one address leave the account usable from another", async () => {
    const answers: string[] = [];
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const failed = await login(ATTACKER, TEST_ADMIN.email, `Guess-${attempt}-2026`);
      // A refused root field is null (the gateway keeps other fields' answers): no token either way.
      expect(failed.data?.login ?? null).toBeNull();
      answers.push(failed.errors?.[0]?.extensions?.code ?? 'none');
    }
    // Ten wrong passwords in a row, then the attacker's address is refused for that account, saying when to retry.
    expect(answers).toEqual([...Array(10).fill('UNAUTHENTICATED'), ...Array(10).fill('TOO_MANY_REQUESTS')]);
    const refused = await login(ATTACKER, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) } });
    expect(refused.errors?.[0]?.message).not.toContain(TEST_ADMIN.email);

    // The owner, from another address, signs in and works as usual.
    const owner = await login(OWNER, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.login.user.roles).toContain('ADMIN');
    const me = await call<{ me: { roles: string[] } }>(OWNER, ME, undefined, owner.data?.login.accessToken);
    expect(me.data?.me.roles).toContain('ADMIN');
  });

  it('asks for an e-mailed code, answers the same for a registered and a new address, and registers with the mailed code', async () => {
    const from = '127.0.0.4';
    const fresh = `newcomer.${Date.now().toString(36)}@example.cn`;
    expect(await call(from, REGISTRATION_OPTIONS)).toEqual({ data: { registrationOptions: { emailCodeRequired: true } } });

    const forExisting = await call(from, REQUEST_CODE, { email: TEST_ADMIN.email });
    const forFresh = await call(from, REQUEST_CODE, { email: fresh });
    expect(forExisting).toEqual({ data: { requestRegistrationCode: true } });
    expect(forFresh).toEqual(forExisting);

    // The mailbox owners learn the truth: the administrator is told to sign in, the newcomer gets a code.
    const notice = await waitForMail(smtp, (mail) => mail.envelope.rcptTo.includes(TEST_ADMIN.email));
    expect(notice.text).toContain('本邮箱已经注册过账号');
    expect(codeIn(notice)).toBeUndefined();
    const code = codeIn(await waitForMail(smtp, (mail) => mail.envelope.rcptTo.includes(fresh)));
    expect(code).toMatch(/^\d{6}$/);

    // Without the mailbox, register says the same for both addresses, and never that one exists.
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const input = (email: string, emailCode?: string) => ({ email, password: 'Newcomer2026', displayName: '新用户', role: 'ENTERPRISE', emailCode });
    const withoutCode = [await call(from, REGISTER, { input: input(TEST_ADMIN.email) }), await call(from, REGISTER, { input: input(fresh) })];
    const withWrongCode = [
      await call(from, REGISTER, { input: input(TEST_ADMIN.email, wrongCode) }),
      await call(from, REGISTER, { input: input(fresh, wrongCode) }),
    ];
    for (const [existing, unknown] of [withoutCode, withWrongCode]) {
      expect(existing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(unknown).toEqual(existing);
      expect(existing.errors?.[0]?.message).not.toContain(TEST_ADMIN.email);
    }
    expect(JSON.stringify([...withoutCode, ...withWrongCode])).not.toMatch(/CONFLICT|already exists/);

    // The newcomer, with the mailed code, registers and signs in.
    const registered = await call<{ register: { accessToken: string; user: { roles: string[] } } }>(from, REGISTER, { input: input(fresh, code) });
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.register.user.roles).toEqual(['ENTERPRISE']);
    expect((await login(from, fresh, 'Newcomer2026')).errors).toBeUndefined();
  });
});
