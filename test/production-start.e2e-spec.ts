import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@ttm/demo';
import { createTestDatabase, freeMarketplacePortsEnv, SmtpSink, startSmtpSink, TestDatabase } from '@ttm/testing';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client, failure } from './support/graphql-client';
import { ROOT, RunningMarketplace, startMarketplace } from './support/marketplace-process';
import { LOGIN, NEEDS } from './support/operations';

/** What an operator would generate (`openssl rand -base64 …`). */
const randomSecret = (bytes: number) => randomBytes(bytes).toString('base64url');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one entry point (the launcher or a service) to its end; production refusals need no database. */
function run(entry: string, env: Record<string, string>): Promise<Exit> {
  return new Promise((resolveExit, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'], ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit({ code, stdout, stderr });
    });
  });
}

/**
 * Issue 11, finding 2: `npm start` with NODE_ENV=production loads no demo data unless SEED_DEMO=true, and
 * refuses a published or weak ADMIN_PASSWORD and a short JWT_SECRET in one line, before starting anything.
 */
describe('production start', () => {
  describe('with the demo flags off (PostgreSQL)', () => {
    let database: TestDatabase;
    let smtp: SmtpSink;
    let marketplace: RunningMarketplace;
    const admin = { email: 'ops@techbridge.example.cn', password: randomSecret(18) };

    beforeAll(async () => {
      database = await createTestDatabase('production_start');
      smtp = await startSmtpSink();
      marketplace = await startMarketplace({
        databaseUrl: database.url,
        env: { NODE_ENV: 'production', JWT_SECRET: randomSecret(36), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SMTP_URL: smtp.url },
      });
    });

    afterAll(async () => {
      await marketplace?.stop();
      await smtp?.stop();
      await database?.drop();
    });

    it('has no demo accounts and no demo listings, and the configured administrator signs in', async () => {
      const anonymous = client(marketplace.url);
      expect(marketplace.output()).not.toMatch(/demo data/);
      const demoAccounts = ['ADMIN', 'ENTERPRISE', 'BROKER'].map((role) => DEMO_ACCOUNTS.filter((account) => account.role === role)[0]);
      for (const account of demoAccounts) {
        const refused = await failure(anonymous, LOGIN, { input: { email: account.email, password: DEMO_PASSWORD } });
        expect({ email: account.email, code: refused.code }).toEqual({ email: account.email, code: 'UNAUTHENTICATED' });
      }
      const { needs } = await anonymous.request<{ needs: { totalCount: number; edges: unknown[] } }>(NEEDS, { first: 10 });
      expect(needs).toMatchObject({ totalCount: 0, edges: [] });

      const { login } = await anonymous.request<{ login: { accessToken: string; user: { roles: string[] } } }>(LOGIN, { input: admin });
      expect(login.user.roles).toContain('ADMIN');
      const { me } = await client(marketplace.url, login.accessToken).request<{ me: { roles: string[] } }>(`{ me { roles } }`);
      expect(me.roles).toContain('ADMIN');
    });
  });

  describe('refuses a bad value in one line and starts nothing', () => {
    let baseEnv: Record<string, string>;

    beforeAll(async () => {
      baseEnv = {
        ...(await freeMarketplacePortsEnv()),
        NODE_ENV: 'production',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'ttm-production-')),
        JWT_SECRET: randomSecret(36),
        ADMIN_EMAIL: 'ops@techbridge.example.cn',
        ADMIN_PASSWORD: randomSecret(18),
        SMTP_URL: 'smtp://127.0.0.1:2525',
      };
    });

    it.each([
      ['the demo password', { ADMIN_PASSWORD: DEMO_PASSWORD }, /^Invalid environment variable ADMIN_PASSWORD: expected a password of your own in production, .*; set a random one, e\.g\. ADMIN_PASSWORD=\$\(openssl rand -base64 24\)$/],
      ['a weak password the length/letter/digit policy lets through', { ADMIN_PASSWORD: 'Password123' }, /^Invalid environment variable ADMIN_PASSWORD: expected a password a strength estimate \(zxcvbn\) scores at least 3 of 4 in production, got one it scores [0-2]; set a random one/],
      ['a short JWT secret', { JWT_SECRET: 'only-twenty-chars-xx' }, /^Invalid environment variable JWT_SECRET: expected at least 32 characters of secret, got 20; set a random one, e\.g\. JWT_SECRET=\$\(openssl rand -base64 48\)$/],
    ])('the launcher refuses %s', async (_, bad, line) => {
      const exit = await run('apps/launcher/src/main.ts', { ...baseEnv, ...bad });
      expect(exit.code).toBe(1);
      expect(exit.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
      expect(exit.stdout).toBe('');
    });

    it('every service and the gateway refuse it the same way on their own (as in docker/compose.yaml)', async () => {
      const env = { ...baseEnv, ADMIN_PASSWORD: DEMO_PASSWORD, DATABASE_URL: 'postgres://127.0.0.1:1/never-reached' };
      const entries = ['identity', 'marketplace', 'search', 'brokerage', 'gateway'].map((name) => `apps/${name}/src/main.ts`);
      const exits = await Promise.all(entries.map((entry) => run(entry, env)));
      for (const [i, exit] of exits.entries()) {
        expect({ entry: entries[i], code: exit.code, stderr: exit.stderr.trimEnd().split('\n') }).toEqual({
          entry: entries[i],
          code: 1,
          stderr: [expect.stringMatching(/^Invalid environment variable ADMIN_PASSWORD: expected a password of your own in production/)],
        });
      }
    });
  });
});
