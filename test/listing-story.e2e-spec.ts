import { JwtService } from '@nestjs/jwt';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_AUDIENCE, JWT_ISSUER } from '@ttm/auth';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { Client } from 'pg';
import { client, failure } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, ME, NEED, NEEDS, needInput, REGISTER, SUBMIT_NEED, UPDATE_NEED } from './support/operations';

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: { id: string; roles: string[] };
}

const JWT_SECRET = 'listing-story-e2e-secret-0123456789abcdef';

/** The issue-2 story over real HTTP through the gateway, on the real PostgreSQL. */
describe('a need from registration to the public list (PostgreSQL)', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  let enterprise: AuthPayload;
  let admin: AuthPayload;

  async function countRows(table: string): Promise<number> {
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ count: string }>(`SELECT count(*) FROM ${table}`);
      return Number(rows[0].count);
    } finally {
      await pg.end();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('story');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'false', JWT_SECRET } });
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  it('registers an enterprise member and logs in', async () => {
    const anonymous = client(marketplace.url);
    const registered = await anonymous.request<{ register: AuthPayload }>(REGISTER, {
      input: { email: 'Zhang.Gong@E2E-Textile.cn', password: 'Textile2026', displayName: '张工', role: 'ENTERPRISE' },
    });
    expect(registered.register.user.roles).toEqual(['ENTERPRISE']);
    const loggedIn = await anonymous.request<{ login: AuthPayload }>(LOGIN, {
      input: { email: 'zhang.gong@e2e-textile.cn', password: 'Textile2026' },
    });
    enterprise = loggedIn.login;
    const me = await client(marketplace.url, enterprise.accessToken).request<{ me: { id: string } }>(ME);
    expect(me.me.id).toBe(registered.register.user.id);
    admin = (await anonymous.request<{ login: AuthPayload }>(LOGIN, { input: TEST_ADMIN })).login;
    expect(admin.user.roles).toContain('ADMIN');
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'Textile2026', displayName: '李工', role: 'ENTERPRISE' }, /email/i],
    ['a weak password', { email: 'li@e2e.cn', password: 'short', displayName: '李工', role: 'ENTERPRISE' }, /password/i],
    ['an unknown role', { email: 'li@e2e.cn', password: 'Textile2026', displayName: '李工', role: 'OVERLORD' }, /role|OVERLORD/],
  ])('refuses registration with %s and writes nothing', async (_case, input, message) => {
    const before = await countRows('identity.users');
    const error = await failure(client(marketplace.url), REGISTER, { input });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
    expect(await countRows('identity.users')).toBe(before);
  });

  it.each([
    ['a negative budget', { budgetMin: -1 }, /budgetMin/],
    ['an inverted budget range', { budgetMin: 900000, budgetMax: 100000 }, /budgetMax/],
    ['an over-long title', { title: '超长标题'.repeat(40) }, /title/],
    ['an unknown industry', { industry: 'ALCHEMY' }, /industry/],
    ['an unknown cooperation mode', { cooperationModes: ['BARTER'] }, /BARTER|cooperationModes/],
  ])('refuses a need with %s and writes nothing', async (_case, overrides, message) => {
    const before = await countRows('marketplace.needs');
    const outboxBefore = await countRows('marketplace.outbox');
    const error = await failure(client(marketplace.url, enterprise.accessToken), CREATE_NEED, { input: needInput(overrides) });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
    expect(await countRows('marketplace.needs')).toBe(before);
    expect(await countRows('marketplace.outbox')).toBe(outboxBefore);
  });

  it('creates, submits, approves and lists a need without its contact details', async () => {
    const owner = client(marketplace.url, enterprise.accessToken);
    const { createNeed } = await owner.request<{ createNeed: { id: string; status: string } }>(CREATE_NEED, { input: needInput() });
    expect(createNeed.status).toBe('DRAFT');

    const anonymous = client(marketplace.url);
    expect((await failure(anonymous, NEED, { id: createNeed.id })).code).toBe('NOT_FOUND');

    const { submitNeed } = await owner.request<{ submitNeed: { status: string } }>(SUBMIT_NEED, { id: createNeed.id });
    expect(submitNeed.status).toBe('PENDING_REVIEW');
    expect((await failure(owner, APPROVE_LISTING, { id: createNeed.id })).code).toBe('FORBIDDEN');
    await client(marketplace.url, admin.accessToken).request(APPROVE_LISTING, { id: createNeed.id });

    const { needs } = await anonymous.request<{ needs: { totalCount: number; edges: { node: { id: string; status: string; contact: unknown } }[] } }>(NEEDS, { first: 10 });
    const listed = needs.edges.find((edge) => edge.node.id === createNeed.id);
    expect(listed?.node.status).toBe('PUBLISHED');
    expect(listed?.node.contact).toBeNull();

    const ownView = await owner.request<{ need: { contact: { phone: string } } }>(NEED, { id: createNeed.id });
    expect(ownView.need.contact.phone).toBe('13857300001');
  });

  it('lets only the owner edit a need', async () => {
    const { createNeed } = await client(marketplace.url, enterprise.accessToken).request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() });
    const other = (
      await client(marketplace.url).request<{ register: AuthPayload }>(REGISTER, {
        input: { email: 'rival@e2e.cn', password: 'Rival2026x', displayName: '竞争者', role: 'ENTERPRISE' },
      })
    ).register;
    const forbidden = await failure(client(marketplace.url, other.accessToken), UPDATE_NEED, { id: createNeed.id, input: { title: '被他人篡改的标题' } });
    expect(forbidden.code).toBe('FORBIDDEN');
    const anonymous = await failure(client(marketplace.url), UPDATE_NEED, { id: createNeed.id, input: { title: '匿名篡改的标题' } });
    expect(anonymous.code).toBe('UNAUTHENTICATED');
  });

  it('refuses tampered tokens', async () => {
    const [header, payload, signature] = enterprise.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url');
    const error = await failure(client(marketplace.url, `${header}.${forged}.${signature}`), ME);
    expect(error.code).toBe('UNAUTHENTICATED');
    const garbage = await failure(client(marketplace.url, 'not.a.token'), ME);
    expect(garbage.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token, saying to refresh', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - ACCESS_TOKEN_TTL_SECONDS - 60;
    const expired = new JwtService({ secret: JWT_SECRET }).sign(
      { sub: enterprise.user.id, roles: enterprise.user.roles, typ: 'access', iat: issuedAt },
      { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    );
    const error = await failure(client(marketplace.url, expired), ME);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/expired/);
  });
});
