import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { ClientError, GraphQLClient, Variables } from 'graphql-request';
import { randomUUID } from 'node:crypto';
import { client, failure } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, ME, NEED, needInput, REGISTER, SUBMIT_NEED } from './support/operations';

const REFRESH = /* GraphQL */ `mutation Refresh($token: String!) { refreshToken(token: $token) { accessToken refreshToken user { id roles } } }`;
const LOGOUT = /* GraphQL */ `mutation Logout($refreshToken: String) { logout(refreshToken: $refreshToken) }`;
const SET_ROLES = /* GraphQL */ `mutation SetRoles($userId: ID!, $roles: [Role!]!) { setUserRoles(userId: $userId, roles: $roles) { id roles } }`;
const CHANGE_PASSWORD = /* GraphQL */ `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;
const SIGN_OUT_EVERYWHERE = /* GraphQL */ `mutation SignOutEverywhere($userId: ID!) { signOutEverywhere(userId: $userId) }`;
const USER_ROLES = /* GraphQL */ `query UserRoles($id: ID!) { user(id: $id) { id roles } }`;

/** One signed-in query served by each subgraph (the gateway sends each to its service alone). */
const SIGNED_IN_QUERIES: Record<string, string> = {
  identity: /* GraphQL */ `query { me { id } }`,
  marketplace: /* GraphQL */ `query { myApplications(first: 1) { totalCount } }`,
  search: /* GraphQL */ `query { unreadNotificationCount }`,
  brokerage: /* GraphQL */ `query { dealPipeline { stage count } }`,
};

const PASSWORD = 'Revoke2026x';
/** Every request sent this long after a revocation was committed must be refused, by every subgraph. */
const WITHIN_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; roles: string[] };
}

interface Refusal {
  code: string | undefined;
  reason: unknown;
  /** Milliseconds from `since` to the sending of the first request that was refused. */
  ms: number;
}

/**
 * Revocation that takes effect (issue 11, finding 1), through the gateway on the real PostgreSQL: a
 * demoted administrator, logout, a password change and "sign out everywhere" each end the old access
 * tokens in every subgraph within about a second.
 */
describe('revocation through the gateway and every subgraph (PostgreSQL)', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  let admin: GraphQLClient;
  let users = 0;

  beforeAll(async () => {
    database = await createTestDatabase('revocation');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'false' } });
    const { login } = await client(marketplace.url).request<{ login: Session }>(LOGIN, { input: TEST_ADMIN });
    admin = client(marketplace.url, login.accessToken);
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  async function register(role: string): Promise<Session & { email: string }> {
    users += 1;
    const email = `revocation-${users}@e2e.cn`;
    const { register } = await client(marketplace.url).request<{ register: Session }>(REGISTER, {
      input: { email, password: PASSWORD, displayName: `撤销测试${users}`, role },
    });
    return { ...register, email };
  }

  const login = async (email: string, password = PASSWORD) =>
    (await client(marketplace.url).request<{ login: Session }>(LOGIN, { input: { email, password } })).login;
  const as = (session: Session) => client(marketplace.url, session.accessToken);

  /** The refusal of the token (UNAUTHENTICATED or FORBIDDEN), or null when the API accepted it (any other answer). */
  async function refusal(gql: GraphQLClient, document: string, variables: Variables | undefined): Promise<Omit<Refusal, 'ms'> | null> {
    try {
      await gql.request(document, variables);
    } catch (error) {
      if (!(error instanceof ClientError)) throw error;
      const extensions = error.response.errors?.[0]?.extensions ?? {};
      const code = extensions['code'] as string | undefined;
      if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return { code, reason: extensions['reason'] };
    }
    return null;
  }

  /** Repeats an operation with a token until the API refuses the token; then checks that it keeps refusing. */
  async function refusedAfter(gql: GraphQLClient, document: string, variables: Variables | undefined, since: number): Promise<Refusal> {
    for (;;) {
      const sentAt = Date.now();
      const refused = await refusal(gql, document, variables);
      if (refused) {
        for (let again = 0; again < 3; again += 1) expect(await refusal(gql, document, variables)).toEqual(refused);
        return { ...refused, ms: sentAt - since };
      }
      if (Date.now() - since > 5000) throw new Error(`still accepted 5 s after the revocation: ${document}`);
      await sleep(25);
    }
  }

  /** Every subgraph refuses the token, each within WITHIN_MS of `since`. */
  async function expectRefusedEverywhere(session: Session, since: number, reason: string): Promise<void> {
    const refusals = await Promise.all(
      Object.entries(SIGNED_IN_QUERIES).map(async ([service, query]) => ({ service, ...(await refusedAfter(as(session), query, undefined, since)) })),
    );
    console.log(`${reason}: first refused request sent after ${refusals.map((each) => `${each.service} ${each.ms} ms`).join(', ')}`);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: 'UNAUTHENTICATED', reason });
      expect(refusal.ms).toBeLessThanOrEqual(WITHIN_MS);
    }
  }

  async function expectAcceptedEverywhere(session: Session): Promise<void> {
    for (const query of Object.values(SIGNED_IN_QUERIES)) await as(session).request(query);
  }

  it('refuses a demoted administrator at once: no self-restore, no marketplace moderation; a refresh carries the new roles', async () => {
    const owner = await register('ENTERPRISE');
    const { createNeed } = await as(owner).request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() });
    await as(owner).request(SUBMIT_NEED, { id: createNeed.id });

    const colleague = await register('BROKER');
    await admin.request(SET_ROLES, { userId: colleague.user.id, roles: ['BROKER', 'ADMIN'] });
    const asAdmin = await login(colleague.email);
    expect(asAdmin.user.roles).toEqual(['BROKER', 'ADMIN']);
    // While an administrator, the marketplace lets it moderate (an unknown listing is then NOT_FOUND).
    expect((await failure(as(asAdmin), APPROVE_LISTING, { id: randomUUID() })).code).toBe('NOT_FOUND');

    await admin.request(SET_ROLES, { userId: colleague.user.id, roles: ['BROKER'] });
    const demotedAt = Date.now();
    const restore = await failure(as(asAdmin), SET_ROLES, { userId: colleague.user.id, roles: ['BROKER', 'ADMIN'] });
    const restoreMs = Date.now() - demotedAt;
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(restore.code);
    expect(restoreMs).toBeLessThan(1000);
    const moderation = await refusedAfter(as(asAdmin), APPROVE_LISTING, { id: randomUUID() }, demotedAt);
    console.log(`demotion: self-restore refused (${restore.code}, answered after ${restoreMs} ms); marketplace moderation refused from ${moderation.ms} ms on`);
    expect(moderation).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ROLES_CHANGED' });
    expect(moderation.ms).toBeLessThanOrEqual(WITHIN_MS);

    expect((await failure(as(asAdmin), APPROVE_LISTING, { id: createNeed.id })).code).toBe('UNAUTHENTICATED');
    const { need } = await admin.request<{ need: { status: string } }>(NEED, { id: createNeed.id });
    expect(need.status).toBe('PENDING_REVIEW');
    const { user } = await admin.request<{ user: { roles: string[] } }>(USER_ROLES, { id: colleague.user.id });
    expect(user.roles).toEqual(['BROKER']);

    // The session goes on: a refresh gives a token with the roles it has now, which moderation refuses.
    const { refreshToken: refreshed } = await client(marketplace.url).request<{ refreshToken: Session }>(REFRESH, { token: asAdmin.refreshToken });
    expect(refreshed.user.roles).toEqual(['BROKER']);
    expect((await as(refreshed).request<{ me: { roles: string[] } }>(ME)).me.roles).toEqual(['BROKER']);
    expect((await failure(as(refreshed), SET_ROLES, { userId: colleague.user.id, roles: ['BROKER', 'ADMIN'] })).code).toBe('FORBIDDEN');
    expect((await failure(as(refreshed), APPROVE_LISTING, { id: createNeed.id })).code).toBe('FORBIDDEN');
  });

  it('after logout the access token is refused by identity, marketplace, search and brokerage', async () => {
    const researcher = await register('RESEARCHER');
    const otherDevice = await login(researcher.email);
    await expectAcceptedEverywhere(researcher);

    // Each revocation has committed once its mutation has answered: time is counted from then.
    await client(marketplace.url).request(LOGOUT, { refreshToken: researcher.refreshToken });
    await expectRefusedEverywhere(researcher, Date.now(), 'SESSION_ENDED');
    // Only that session ended.
    await expectAcceptedEverywhere(otherDevice);
  });

  it('changePassword ends every other session in every subgraph; this one goes on', async () => {
    const researcher = await register('RESEARCHER');
    const elsewhere = await login(researcher.email);
    await expectAcceptedEverywhere(elsewhere);

    await as(researcher).request(CHANGE_PASSWORD, { currentPassword: PASSWORD, newPassword: 'Changed-2026x' });
    await expectRefusedEverywhere(elsewhere, Date.now(), 'SESSION_ENDED');
    expect((await failure(client(marketplace.url), REFRESH, { token: elsewhere.refreshToken })).code).toBe('UNAUTHENTICATED');
    await expectAcceptedEverywhere(researcher);
    expect((await login(researcher.email, 'Changed-2026x')).user.id).toBe(researcher.user.id);
  });

  it('signOutEverywhere (administrators) ends every session of the user in every subgraph', async () => {
    const researcher = await register('RESEARCHER');
    const second = await login(researcher.email);
    expect((await failure(as(second), SIGN_OUT_EVERYWHERE, { userId: researcher.user.id })).code).toBe('FORBIDDEN');

    const { signOutEverywhere } = await admin.request<{ signOutEverywhere: number }>(SIGN_OUT_EVERYWHERE, { userId: researcher.user.id });
    const at = Date.now();
    expect(signOutEverywhere).toBe(2);
    await Promise.all([expectRefusedEverywhere(researcher, at, 'SESSION_ENDED'), expectRefusedEverywhere(second, at, 'SESSION_ENDED')]);
    for (const session of [researcher, second]) {
      expect((await failure(client(marketplace.url), REFRESH, { token: session.refreshToken })).code).toBe('UNAUTHENTICATED');
    }
  });
});
