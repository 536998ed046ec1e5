import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role, signServiceToken } from '@ttm/auth';
import { UserContactsPage } from '@ttm/events';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { uniqueEmail } from '../testing/fixtures';
import { dataOf, RunningIdentity, startIdentity } from '../testing/identity-test-app';
import { AuthPayloadResult, REGISTER } from '../testing/operations';

jest.setTimeout(60_000);

describe('internal user contacts for other services (real service, real PostgreSQL)', () => {
  let database: TestDatabase;
  let identity: RunningIdentity;
  let baseUrl: string;
  let serviceToken: string;

  beforeAll(async () => {
    database = await createTestDatabase('identity_internal_users');
    identity = await startIdentity(database.url);
    baseUrl = new URL(identity.url).origin;
    serviceToken = await signServiceToken(identity.app.get(JwtService), 'search');
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
  });

  async function get<T>(path: string, token: string | null = serviceToken): Promise<{ status: number; body: T }> {
    const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Registers with an upper-case address; identity stores it in lower case. */
  async function register(displayName: string): Promise<{ id: string; email: string }> {
    const email = uniqueEmail('user');
    const result = await identity.request<{ register: AuthPayloadResult }>(REGISTER, {
      input: { email: email.toUpperCase(), password: 'Secret2026', displayName, role: 'RESEARCHER' },
    });
    return { id: dataOf(result).register.user.id, email: email.toLowerCase() };
  }

  it('refuses callers without a service token, user tokens and malformed ids', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect((await get(`/internal/users?ids=${id}`, null)).status).toBe(401);
    const claims: AccessTokenClaims = { sub: id, roles: [Role.ADMIN], typ: 'access', sid: id, ver: 1 };
    const userToken = await identity.app.get(JwtService).signAsync(claims);
    expect((await get(`/internal/users?ids=${id}`, userToken)).status).toBe(401);
    expect((await get('/internal/users?ids=')).status).toBe(400);
    expect((await get('/internal/users?ids=nope')).status).toBe(400);
    expect((await get(`/internal/users?ids=${Array.from({ length: 101 }, () => id).join(',')}`)).status).toBe(400);
  });

  it('tells e-mail address and display name of the users found, in the order asked', async () => {
    const first = await register('何志远');
    const second = await register('沈恒瑾');
    const unknown = '00000000-0000-4000-8000-999999999999';
    const { status, body } = await get<UserContactsPage>(`/internal/users?ids=${second.id},${unknown},${first.id.toUpperCase()}`);
    expect(status).toBe(200);
    expect(body.users).toEqual([
      { id: second.id, email: second.email, displayName: '沈恒瑾' },
      { id: first.id, email: first.email, displayName: '何志远' },
    ]);
  });
});
