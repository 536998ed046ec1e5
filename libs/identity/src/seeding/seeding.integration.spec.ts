import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from '@ttm/demo';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { countRows, dataOf, RunningIdentity, sql, startIdentity } from '../testing/identity-test-app';
import { AuthPayloadResult, LOGIN, ME, REFRESH } from '../testing/operations';

jest.setTimeout(120_000);

describe('start-up seeding (real PostgreSQL)', () => {
  let database: TestDatabase;
  let identity: RunningIdentity | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('identity_seed');
  });

  afterEach(async () => {
    await identity?.close();
    identity = undefined;
    await database.drop();
  });

  async function restart(env: Record<string, string>): Promise<RunningIdentity> {
    await identity?.close();
    identity = await startIdentity(database.url, env);
    return identity;
  }

  async function login(service: RunningIdentity, email: string, password: string) {
    return service.request<{ login: AuthPayloadResult }>(LOGIN, { input: { email, password } });
  }

  it('creates the ADMIN_EMAIL administrator, and resets its password on a later start', async () => {
    let service = await restart({ ADMIN_EMAIL: 'Chief@Identity.Test', ADMIN_PASSWORD: 'First-pass-2026' });
    const first = await login(service, 'chief@identity.test', 'First-pass-2026');
    expect(first.errors).toBeUndefined();
    expect(dataOf(first).login.user.roles).toEqual(['ADMIN']);

    // Same password again: nothing changes, sessions survive.
    service = await restart({ ADMIN_EMAIL: 'chief@identity.test', ADMIN_PASSWORD: 'First-pass-2026' });
    const stillValid = await service.request(REFRESH, { token: dataOf(first).login.refreshToken });
    expect(stillValid.errors).toBeUndefined();
    const session = (stillValid.data as { refreshToken: AuthPayloadResult }).refreshToken;

    service = await restart({ ADMIN_EMAIL: 'chief@identity.test', ADMIN_PASSWORD: 'Second-pass-2026' });
    expect((await login(service, 'chief@identity.test', 'First-pass-2026')).errors?.[0].message).toBe('Email or password is incorrect');
    expect((await login(service, 'chief@identity.test', 'Second-pass-2026')).errors).toBeUndefined();
    // A password reset ends the sessions signed in with the old one.
    expect((await service.request(REFRESH, { token: session.refreshToken })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await sql<{ count: string }>(database.url, `SELECT count(*) FROM identity.users WHERE email = 'chief@identity.test'`);
    expect(Number(row.count)).toBe(1);
  });

  it('makes an existing account an administrator when its email is ADMIN_EMAIL', async () => {
    let service = await restart({});
    await service.request(`mutation { register(input: {email: "boss@identity.test", password: "Broker-2026", displayName: "Boss", role: BROKER}) { accessToken } }`);
    service = await restart({ ADMIN_EMAIL: 'boss@identity.test', ADMIN_PASSWORD: 'Broker-2026' });
    const signedIn = await login(service, 'boss@identity.test', 'Broker-2026');
    expect(dataOf(signedIn).login.user.roles).toEqual(['BROKER', 'ADMIN']);
  });

  it('refuses to start with a weak ADMIN_PASSWORD', async () => {
    await expect(restart({ ADMIN_EMAIL: 'weak@identity.test', ADMIN_PASSWORD: 'password' })).rejects.toThrow(
      /ADMIN_PASSWORD: expected a password .*must contain at least one digit/,
    );
    // Refused before connecting: not even the schema was created.
    const [row] = await sql<{ table: string | null }>(database.url, `SELECT to_regclass('identity.users')::text AS table`);
    expect(row.table).toBeNull();
  });

  it('loads the demo organizations and accounts into an empty database, once', async () => {
    let service = await restart({ SEED_DEMO: 'true' });
    expect(await countRows(database.url, 'users')).toBe(DEMO_ACCOUNTS.length);
    expect(await countRows(database.url, 'organizations')).toBe(DEMO_ORGANIZATIONS.length);
    const hashes = await sql<{ count: string }>(database.url, 'SELECT count(DISTINCT password_hash) FROM identity.users');
    expect(Number(hashes[0].count)).toBe(DEMO_ACCOUNTS.length > 0 ? 1 : 0);

    const member = DEMO_ACCOUNTS.find((account) => account.organizationId !== null);
    if (member) {
      const signedIn = await login(service, member.email, DEMO_PASSWORD);
      expect(signedIn.errors).toBeUndefined();
      expect(dataOf(signedIn).login.user.id).toBe(member.id);
      const me = await service.request<{ me: { organization: { id: string } } }>(ME, {}, dataOf(signedIn).login.accessToken);
      expect(dataOf(me).me.organization.id).toBe(member.organizationId);
    }
    const owners = await sql<{ organization_id: string; owners: string }>(
      database.url,
      `SELECT organization_id, count(*) FILTER (WHERE organization_role = 'OWNER') AS owners FROM identity.users WHERE organization_id IS NOT NULL GROUP BY organization_id`,
    );
    expect(owners.every((row) => Number(row.owners) === 1)).toBe(true);
    const verified = DEMO_ORGANIZATIONS.filter((organization) => organization.verified).length;
    const [row] = await sql<{ count: string }>(database.url, 'SELECT count(*) FROM identity.organizations WHERE verified_at IS NOT NULL');
    expect(Number(row.count)).toBe(verified);

    service = await restart({ SEED_DEMO: 'true' });
    expect(await countRows(database.url, 'users')).toBe(DEMO_ACCOUNTS.length);
  });

  it('does not seed demo data into a database that already has users', async () => {
    await restart({ ADMIN_EMAIL: 'first@identity.test', ADMIN_PASSWORD: 'First-pass-2026' });
    await restart({ SEED_DEMO: 'true' });
    expect(await countRows(database.url, 'users')).toBe(1);
  });
});
