import { Role } from '@ttm/auth';
import { createTestDatabase, ReceivedMail, SmtpSink, startSmtpSink, TestDatabase, waitForMail } from '@ttm/testing';
import { once } from 'node:events';
import { createServer, Server, Socket } from 'node:net';
import { uniqueEmail } from '../testing/fixtures';
import { dataOf, GraphQLResult, RunningIdentity, sql, startIdentity } from '../testing/identity-test-app';
import { AuthPayloadResult, REGISTER, REGISTRATION_OPTIONS, REQUEST_REGISTRATION_CODE } from '../testing/operations';
import { UsersService } from '../users/users.service';
import { CODE_REQUEST_LIMITS, emailHash, REGISTRATION_CODE } from './registration-rules';

jest.setTimeout(120_000);

const PUBLIC_URL = 'https://techbridge.example';
const PASSWORD = 'Passw0rd!';

/**
 * Registration when the marketplace sends e-mail (SMTP_URL): the real identity service on PostgreSQL and
 * a real SMTP server process (test/support/smtp-sink.ts). Each test calls from its own loopback address
 * (127.0.1.x), as separate clients would, so the per-client-address limit of one test leaves the others alone.
 */
describe('registration with e-mailed codes (SMTP_URL set)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let identity: RunningIdentity;
  let lastClient = 0;
  const newClient = () => `127.0.1.${(lastClient += 1)}`;

  beforeAll(async () => {
    database = await createTestDatabase('identity_registration');
    smtp = await startSmtpSink();
    identity = await startIdentity(database.url, { SMTP_URL: smtp.url, PUBLIC_URL });
  });

  afterAll(async () => {
    await identity?.close();
    await smtp?.stop();
    await database?.drop();
  });

  const requestCode = (from: string, email: string) =>
    identity.requestFrom<{ requestRegistrationCode: boolean }>(from, REQUEST_REGISTRATION_CODE, { email });
  const register = (from: string, email: string, emailCode?: string) =>
    identity.requestFrom<{ register: AuthPayloadResult }>(from, REGISTER, {
      input: { email, password: PASSWORD, displayName: '注册测试', role: 'RESEARCHER', ...(emailCode === undefined ? {} : { emailCode }) },
    });
  const mailsTo = (email: string) => smtp.received.filter((mail) => mail.envelope.rcptTo.includes(email.toLowerCase()));
  /** The n-th (1-based) message sent to the address, once it has arrived. */
  const mailTo = (email: string, nth = 1) =>
    waitForMail(smtp, (mail) => mail.envelope.rcptTo.includes(email.toLowerCase()) && mailsTo(email).indexOf(mail) === nth - 1);
  const codeIn = (mail: ReceivedMail) => {
    const code = /验证码是：(\d+)/.exec(mail.text)?.[1];
    if (!code) throw new Error(`no code in: ${mail.text}`);
    return code;
  };
  /** Another code of the same length: certainly wrong. */
  const otherThan = (code: string) => String((Number(code) + 1) % 10 ** REGISTRATION_CODE.digits).padStart(REGISTRATION_CODE.digits, '0');
  const firstError = (result: GraphQLResult) => result.errors?.[0];

  /** An account made directly (no code requested for it, nothing e-mailed). */
  async function existingAccount(label: string): Promise<string> {
    const email = uniqueEmail(label);
    await identity.app.get(UsersService).create({ email, passwordHash: 'not-a-hash', displayName: label, roles: [Role.ENTERPRISE] });
    return email;
  }

  it('tells the web app that registering needs a code', async () => {
    expect(dataOf(await identity.request<{ registrationOptions: unknown }>(REGISTRATION_OPTIONS)).registrationOptions).toEqual({
      emailCodeRequired: true,
    });
  });

  it('answers the same for a registered and a new address, e-mailing "sign in instead" to one and a code to the other', async () => {
    const existing = await existingAccount('Existing');
    const fresh = uniqueEmail('Fresh');
    const from = newClient();
    const answers = [await requestCode(from, existing), await requestCode(from, fresh)];
    expect(answers[0]).toEqual({ data: { requestRegistrationCode: true } });
    expect(answers[1]).toEqual(answers[0]);

    const notice = await mailTo(existing);
    const codeMail = await mailTo(fresh);
    expect(notice.subject).toBe(codeMail.subject);
    expect(notice.from).toBe('技转通 <noreply@localhost>');
    expect(notice.text).toContain('本邮箱已经注册过账号');
    expect(notice.text).toContain(`${PUBLIC_URL}/login`);
    expect(notice.text).not.toMatch(/\d{6}/);
    expect(codeMail.text).toMatch(new RegExp(`验证码是：\\d{${REGISTRATION_CODE.digits}}\\n`));
    expect(codeMail.text).toContain(`${REGISTRATION_CODE.ttlSeconds / 60} 分钟内有效`);

    // Both addresses got a stored code of the same shape; the table holds hashes, no addresses and no codes.
    const rows = await sql<{ email_hash: string; code_hash: string; attempts: number }>(
      database.url,
      'SELECT email_hash, code_hash, attempts FROM identity.registration_codes WHERE email_hash = ANY($1)',
      [[emailHash(existing.toLowerCase()), emailHash(fresh.toLowerCase())]],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.code_hash) && row.attempts === 0)).toBe(true);
    expect(rows.some((row) => row.code_hash.includes(codeIn(codeMail)))).toBe(false);

    // Without the mailbox, register says the same for both: no code, or a wrong one.
    const missing = [await register(from, existing), await register(from, fresh)].map(firstError);
    expect(missing[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^emailCode: enter the verification code/) });
    expect(missing[1]).toEqual(missing[0]);
    const wrong = [await register(from, existing, '123456'), await register(from, fresh, otherThan(codeIn(codeMail)))].map(firstError);
    expect(wrong[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^emailCode: the verification code is wrong or has expired/) });
    expect(wrong[1]).toEqual(wrong[0]);
    expect(JSON.stringify(wrong)).not.toMatch(/already|exists|CONFLICT/i);
  });

  it('registers with the mailed code, and the code works once', async () => {
    const from = newClient();
    const email = uniqueEmail('Once');
    dataOf(await requestCode(from, email));
    const code = codeIn(await mailTo(email));
    const account = dataOf(await register(from, ` ${email.toUpperCase()} `, code)).register;
    expect(account.user.email).toBe(email.toLowerCase());
    expect(account.accessToken).toEqual(expect.any(String));
    // Used: the same code again is refused like any wrong code, without saying the address now exists.
    expect(firstError(await register(from, email, code))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/wrong or has expired/),
    });
  });

  it(`kills a code after ${REGISTRATION_CODE.maxAttempts} wrong entries`, async () => {
    const from = newClient();
    const email = uniqueEmail('Guessed');
    dataOf(await requestCode(from, email));
    const code = codeIn(await mailTo(email));
    for (let attempt = 1; attempt <= REGISTRATION_CODE.maxAttempts; attempt += 1) {
      expect(firstError(await register(from, email, otherThan(code)))?.message).toMatch(/wrong or has expired/);
    }
    expect(firstError(await register(from, email, code))?.message).toMatch(/wrong or has expired/);
    const [users] = await sql<{ count: string }>(database.url, 'SELECT count(*) FROM identity.users WHERE email = $1', [email.toLowerCase()]);
    expect(Number(users.count)).toBe(0);
    // A new code starts again.
    dataOf(await requestCode(from, email));
    expect(dataOf(await register(from, email, codeIn(await mailTo(email, 2)))).register.user.email).toBe(email.toLowerCase());
  });

  it('refuses an expired code', async () => {
    const from = newClient();
    const email = uniqueEmail('Late');
    dataOf(await requestCode(from, email));
    const code = codeIn(await mailTo(email));
    await sql(database.url, `UPDATE identity.registration_codes SET expires_at = now() - interval '1 second' WHERE email_hash = $1`, [
      emailHash(email.toLowerCase()),
    ]);
    expect(firstError(await register(from, email, code))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/wrong or has expired/) });
  });

  it('tells only the proven owner that the address is registered (an account made after the code was sent)', async () => {
    const from = newClient();
    const email = uniqueEmail('Raced');
    dataOf(await requestCode(from, email));
    const code = codeIn(await mailTo(email));
    await identity.app.get(UsersService).create({ email, passwordHash: 'not-a-hash', displayName: '先注册', roles: [Role.ENTERPRISE] });
    expect(firstError(await register(from, email, code))).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining(email.toLowerCase()),
    });
  });

  it('limits requests per e-mail address and per client address, the same for registered and new addresses', async () => {
    const existing = await existingAccount('Flooded');
    const fresh = uniqueEmail('FloodedNew');
    const refusals = [];
    for (const email of [existing, fresh]) {
      const from = newClient();
      for (let request = 1; request <= CODE_REQUEST_LIMITS.perEmail.points; request += 1) dataOf(await requestCode(from, email));
      refusals.push(firstError(await requestCode(from, email)));
    }
    const shape = (error: ReturnType<typeof firstError>) => ({ ...error, message: error?.message.replace(/\d+/g, 'N'), extensions: { ...error?.extensions, retryAfterSeconds: 'N' } });
    expect(refusals[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/^Too many verification codes requested: wait \d+ seconds/) });
    expect(Number(refusals[0]?.extensions?.['retryAfterSeconds'])).toBeGreaterThan(CODE_REQUEST_LIMITS.perEmail.duration - 60);
    expect(shape(refusals[1])).toEqual(shape(refusals[0]));

    const from = newClient();
    for (let request = 1; request <= CODE_REQUEST_LIMITS.perClientAddress.points; request += 1) dataOf(await requestCode(from, uniqueEmail(`spray${request}`)));
    expect(firstError(await requestCode(from, uniqueEmail('one-more')))?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Another client is not affected.
    expect(dataOf(await requestCode(newClient(), uniqueEmail('elsewhere'))).requestRegistrationCode).toBe(true);
  });

  it('takes the same time for registered and new addresses', async () => {
    // Paired measurements (one of each kind per round, order alternating) cancel out the load of the
    // machine, which other processes share; the first rounds warm up and are not counted.
    const WARM_UP = 3;
    const ROUNDS = 30;
    const differences: number[] = [];
    const durations: number[] = [];
    const timed = async (from: string, email: string) => {
      const started = process.hrtime.bigint();
      dataOf(await requestCode(from, email));
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const accounts: string[] = [];
    for (let round = 0; round < WARM_UP + ROUNDS; round += 1) accounts.push(await existingAccount(`timed${round}`));
    for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
      const registered = accounts[round];
      const fresh = uniqueEmail(`timedNew${round}`);
      const from = newClient();
      let registeredMs: number;
      let freshMs: number;
      if (round % 2 === 0) {
        registeredMs = await timed(from, registered);
        freshMs = await timed(from, fresh);
      } else {
        freshMs = await timed(from, fresh);
        registeredMs = await timed(from, registered);
      }
      if (round >= WARM_UP) {
        differences.push(registeredMs - freshMs);
        durations.push(registeredMs, freshMs);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const [difference, typical] = [median(differences), median(durations)];
    console.log(`requestRegistrationCode: ${typical.toFixed(1)} ms; median of (registered − new) over ${ROUNDS} pairs ${difference.toFixed(1)} ms`);
    // Within the noise of a shared machine; an extra step for one kind (an argon2 hash, waiting for the mail
    // server) costs well over this.
    expect(Math.abs(difference)).toBeLessThan(Math.max(5, typical / 4));
  });
});

/** A mail server that accepts connections and never greets: nodemailer waits for it until its greeting timeout. */
describe('registration e-mail and a mail server that does not answer', () => {
  let database: TestDatabase;
  let silent: Server;
  const connections: Socket[] = [];
  let identity: RunningIdentity;

  beforeAll(async () => {
    database = await createTestDatabase('identity_registration_silent');
    silent = createServer((socket) => connections.push(socket)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as { port: number };
    identity = await startIdentity(database.url, { SMTP_URL: `smtp://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    connections.forEach((socket) => socket.destroy());
    await identity?.close();
    silent?.close();
    await database?.drop();
  });

  it('answers requestRegistrationCode without waiting for the mail server', async () => {
    const started = Date.now();
    const answer = await identity.requestFrom('127.0.2.1', REQUEST_REGISTRATION_CODE, { email: uniqueEmail('Waiting') });
    const elapsed = Date.now() - started;
    expect(answer).toEqual({ data: { requestRegistrationCode: true } });
    // The mail server has been called (and keeps the sender waiting), yet the answer came at once.
    await waitUntil(() => connections.length > 0);
    expect(elapsed).toBeLessThan(2_000);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
