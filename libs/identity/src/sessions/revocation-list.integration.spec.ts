import { AccessTokenVerifier, AuthUser, REVOCATIONS_PATH, revocationListFromIdentity, standaloneJwtService } from '@ttm/auth';
import { parseConfig } from '@ttm/config';
import { AppError } from '@ttm/errors';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { uniqueEmail } from '../testing/fixtures';
import { dataOf, RunningIdentity, startIdentity, TEST_JWT_SECRET } from '../testing/identity-test-app';
import { AuthPayloadResult, claimsOf, LOGIN, LOGOUT, REFRESH, REGISTER, SET_ROLES } from '../testing/operations';

jest.setTimeout(60_000);

const ADMIN = { email: 'admin@verifier.test', password: 'Admin-2026-verifier' };
const PASSWORD = 'Passw0rd!';
/** Every check that starts this long after a revocation was committed must refuse the token. */
const ENFORCED_WITHIN_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Replica {
  verifier: AccessTokenVerifier;
  warnings: string[];
}

/** What a verification ends in: the caller, or the refusal's code and reason. */
async function outcome(replica: Replica, token: string): Promise<AuthUser | { code: string; reason: unknown }> {
  try {
    return await replica.verifier.verify(token);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, reason: error.details?.['reason'] };
    throw error;
  }
}

/**
 * The verifier another service (marketplace, search, brokerage) runs, against the real identity
 * service on PostgreSQL: two independent instances stand for two replicas, each with its own list.
 */
describe('AccessTokenVerifier following identity\'s revocation list, in two replicas (real PostgreSQL)', () => {
  let database: TestDatabase;
  let identity: RunningIdentity;
  let admin: AuthPayloadResult;
  let replicas: Replica[];
  let identityStopped = false;

  function replica(): Replica {
    const jwt = standaloneJwtService(TEST_JWT_SECRET);
    const config = parseConfig({ JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', IDENTITY_URL: identity.url });
    const warnings: string[] = [];
    const list = revocationListFromIdentity(jwt, config, 'marketplace', { logger: { warn: (message: string) => warnings.push(message), log: () => undefined } });
    return { verifier: new AccessTokenVerifier(jwt, list), warnings };
  }

  beforeAll(async () => {
    database = await createTestDatabase('revocation_list');
    identity = await startIdentity(database.url, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    admin = dataOf(await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: ADMIN })).login;
    replicas = [replica(), replica()];
  });

  afterAll(async () => {
    if (!identityStopped) await identity?.close();
    await database?.drop();
  });

  async function newUser(label: string, role = 'BROKER'): Promise<AuthPayloadResult & { email: string }> {
    const email = uniqueEmail(label);
    const result = await identity.request<{ register: AuthPayloadResult }>(REGISTER, { input: { email, password: PASSWORD, displayName: label, role } });
    return { ...dataOf(result).register, email };
  }

  const login = async (email: string) => dataOf(await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: { email, password: PASSWORD } })).login;
  const refresh = async (token: string) => dataOf(await identity.request<{ refreshToken: AuthPayloadResult }>(REFRESH, { token })).refreshToken;

  /**
   * How long after `since` each replica started the first check that refused the token (checking every
   * 20 ms), with the refusal; then that every later check refuses it too.
   */
  async function refusedAfter(token: string, since: number): Promise<{ ms: number; reason: unknown }[]> {
    return Promise.all(
      replicas.map(async (each) => {
        for (;;) {
          const startedAt = Date.now();
          const result = await outcome(each, token);
          if ('code' in result) {
            for (let again = 0; again < 3; again += 1) expect(await outcome(each, token)).toEqual(result);
            return { ms: startedAt - since, reason: result.reason };
          }
          if (Date.now() - since > 5000) throw new Error('the token was still accepted 5 s after its revocation');
          await sleep(20);
        }
      }),
    );
  }

  it('both replicas refuse the access token of a session within a second of its logout; other sessions go on', async () => {
    const user = await newUser('Replicated');
    const other = await login(user.email);
    for (const each of replicas) expect(await outcome(each, user.accessToken)).toEqual({ id: user.user.id, roles: ['BROKER'], sessionId: claimsOf(user.accessToken).sid });

    // The logout has committed once its answer is back.
    dataOf(await identity.request(LOGOUT, { refreshToken: user.refreshToken }));
    const loggedOutAt = Date.now();
    const refusals = await refusedAfter(user.accessToken, loggedOutAt);
    console.log(`logout enforced by the two replicas after ${refusals.map((each) => each.ms).join(' ms and ')} ms`);
    for (const refusal of refusals) {
      expect(refusal.reason).toBe('SESSION_ENDED');
      expect(refusal.ms).toBeLessThanOrEqual(ENFORCED_WITHIN_MS);
    }
    for (const each of replicas) expect(await outcome(each, other.accessToken)).toMatchObject({ id: user.user.id });
  });

  it('both replicas refuse tokens issued before a role change — also one issued in the same second — and accept the refreshed one', async () => {
    const user = await newUser('Cutoff', 'BROKER');
    let refreshToken = user.refreshToken;
    let roles = ['BROKER'];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await sleep(1000 - (Date.now() % 1000) + 5);
      const before = await refresh(refreshToken);
      roles = roles[0] === 'BROKER' ? ['RESEARCHER'] : ['BROKER'];
      dataOf(await identity.request(SET_ROLES, { userId: user.user.id, roles }, admin.accessToken));
      const changedAt = Date.now();
      const after = await refresh(before.refreshToken);
      refreshToken = after.refreshToken;
      if (claimsOf(before.accessToken).iat !== claimsOf(after.accessToken).iat || Math.floor(changedAt / 1000) !== claimsOf(after.accessToken).iat) continue;

      const refusals = await refusedAfter(before.accessToken, changedAt);
      console.log(`role change enforced by the two replicas after ${refusals.map((each) => each.ms).join(' ms and ')} ms`);
      for (const refusal of refusals) {
        expect(refusal.reason).toBe('ROLES_CHANGED');
        expect(refusal.ms).toBeLessThanOrEqual(ENFORCED_WITHIN_MS);
      }
      for (const each of replicas) expect(await outcome(each, after.accessToken)).toMatchObject({ id: user.user.id, roles });
      return;
    }
    throw new Error('could not issue two tokens and change roles within one second in 5 tries');
  });

  it('asks identity about once a second (at most once per 750 ms), however many tokens it checks', async () => {
    const user = await newUser('Busy');
    const fetches = jest.spyOn(globalThis, 'fetch');
    try {
      const listFetches = () => fetches.mock.calls.filter(([url]) => String(url).includes(REVOCATIONS_PATH)).length;
      const fresh = replica();
      const burst = await Promise.all(Array.from({ length: 200 }, () => outcome(fresh, user.accessToken)));
      expect(burst.every((result) => 'id' in result)).toBe(true);
      expect(listFetches()).toBe(1);

      const started = Date.now();
      let checks = 0;
      while (Date.now() - started < 3000) {
        await Promise.all(Array.from({ length: 10 }, () => outcome(fresh, user.accessToken)));
        checks += 10;
        await sleep(5);
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(`${checks} checks in ${seconds.toFixed(1)} s took ${listFetches()} fetches of the list`);
      expect(listFetches()).toBeLessThanOrEqual(Math.ceil(seconds / 0.75) + 1);
      expect(listFetches()).toBeGreaterThanOrEqual(3);
    } finally {
      fetches.mockRestore();
    }
  });

  it('keeps the last list when identity cannot be reached, and warns; without any list it refuses tokens as SERVICE_UNAVAILABLE', async () => {
    const ended = await newUser('EndedBeforeOutage');
    const alive = await newUser('AliveDuringOutage');
    dataOf(await identity.request(LOGOUT, { refreshToken: ended.refreshToken }));
    await sleep(800);
    const [warm] = replicas;
    expect(await outcome(warm, ended.accessToken)).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const cold = replica();

    await identity.close();
    identityStopped = true;
    await sleep(800);
    expect(await outcome(warm, ended.accessToken)).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect(await outcome(warm, alive.accessToken)).toMatchObject({ id: alive.user.id });
    expect(warm.warnings.at(-1)).toMatch(/cannot fetch the revocation list from the identity service .*checking tokens against the list from \d+ s ago/);

    expect(await outcome(cold, alive.accessToken)).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: undefined });
    expect(cold.warnings.at(-1)).toMatch(/no list yet \(signed-in requests are refused\)/);
  });
});
