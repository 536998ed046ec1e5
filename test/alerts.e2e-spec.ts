import { DEMO_ACCOUNTS, DEMO_MATCH_HINTS, DEMO_NEEDS, DEMO_PASSWORD, DEMO_RESULTS } from '@ttm/demo';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { GraphQLClient } from 'graphql-request';
import { client, failure } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, needInput, REGISTER, SUBMIT_NEED } from './support/operations';

const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($unreadOnly: Boolean) {
    notifications(first: 20, unreadOnly: $unreadOnly) {
      totalCount
      edges { node {
        id kind title message listingId score reasons readAt
        listing { __typename ... on Need { id title contact { phone } } }
        matchedListing { __typename ... on Result { id title } }
      } }
    }
    unreadNotificationCount
  }
`;
const SAVE_SEARCH = /* GraphQL */ `
  mutation Save($input: SaveSearchInput!) { saveSearch(input: $input) { id name } }
`;
const MARK_READ = /* GraphQL */ `mutation Mark($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;

interface NotificationView {
  id: string;
  kind: string;
  title: string;
  message: string;
  listingId: string;
  score: number | null;
  reasons: string[];
  readAt: string | null;
  listing: { __typename: string; id: string; title: string; contact: unknown } | null;
  matchedListing: { __typename: string; id: string; title: string } | null;
}

interface Inbox {
  notifications: { totalCount: number; edges: { node: NotificationView }[] };
  unreadNotificationCount: number;
}

/** Alerts through the gateway on the real PostgreSQL with the demo data: publish a need, see who hears of it. */
describe('alerts about a newly published need', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  let anonymous: GraphQLClient;

  const login = async (email: string, password: string) =>
    client(marketplace.url, (await anonymous.request<{ login: { accessToken: string } }>(LOGIN, { input: { email, password } })).login.accessToken);
  const register = async (email: string, role: string) =>
    client(
      marketplace.url,
      (await anonymous.request<{ register: { accessToken: string } }>(REGISTER, { input: { email, password: 'Alerts2026', displayName: '测试用户', role } })).register.accessToken,
    );
  const inboxOf = (gql: GraphQLClient) => gql.request<Inbox>(NOTIFICATIONS);

  beforeAll(async () => {
    database = await createTestDatabase('alerts');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'true' } });
    anonymous = client(marketplace.url);
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  it("tells the matching result's owner (with reasons, no contact details) and the saved search's owner; refuses others' notifications", async () => {
    const hint = DEMO_MATCH_HINTS[18]; // 钙钛矿/晶硅叠层电池中试开发 → its demo result
    const demoNeed = DEMO_NEEDS.find((need) => need.id === hint.needId);
    const demoResult = DEMO_RESULTS.find((result) => result.id === hint.resultIds[0]);
    const resultOwnerEmail = DEMO_ACCOUNTS.find((account) => account.id === demoResult?.ownerId)?.email;
    if (!demoNeed || !demoResult || !resultOwnerEmail) throw new Error('demo data lacks the perovskite pair');

    const resultOwner = await login(resultOwnerEmail, DEMO_PASSWORD);
    const before = (await inboxOf(resultOwner)).notifications.totalCount;
    // The demo data and everything published before alerting began alert nobody.
    expect(before).toBe(0);

    const searcher = await register('saved.search@e2e-alerts.cn', 'RESEARCHER');
    await searcher.request(SAVE_SEARCH, { input: { name: '钙钛矿相关需求', query: '钙钛矿 叠层', kinds: ['NEED'] } });

    const author = await register('author@e2e-alerts.cn', 'ENTERPRISE');
    const title = `${demoNeed.title}（二期）`;
    const { createNeed } = await author.request<{ createNeed: { id: string } }>(CREATE_NEED, {
      input: needInput({
        title,
        description: demoNeed.description,
        industry: demoNeed.industry,
        keywords: demoNeed.keywords,
        cooperationModes: demoNeed.cooperationModes,
        budgetMin: demoNeed.budgetMin,
        budgetMax: demoNeed.budgetMax,
      }),
    });
    await author.request(SUBMIT_NEED, { id: createNeed.id });
    const admin = await login(TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.request(APPROVE_LISTING, { id: createNeed.id });

    const alertAbout = async (gql: GraphQLClient) => (await inboxOf(gql)).notifications.edges.map((edge) => edge.node).find((node) => node.listingId === createNeed.id);
    const match = await eventually(() => alertAbout(resultOwner));
    expect(match).toMatchObject({ kind: 'MATCHING_LISTING', title: '新技术需求与您的成果匹配', readAt: null });
    expect(match.listing).toMatchObject({ __typename: 'Need', id: createNeed.id, title, contact: null });
    expect(match.matchedListing?.__typename).toBe('Result');
    expect(match.score).toBeGreaterThan(0);
    expect(match.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^关键词匹配: .*钙钛矿/)]));
    expect(match.message).toContain(`「${title}」`);

    const hit = await eventually(() => alertAbout(searcher));
    expect(hit).toMatchObject({ kind: 'SAVED_SEARCH', title: '保存的搜索有新结果' });
    expect(hit.message).toContain('「钙钛矿相关需求」');
    expect((await inboxOf(author)).notifications.totalCount).toBe(0);

    const refused = await failure(searcher, MARK_READ, { id: match.id });
    expect(refused.code).toBe('NOT_FOUND');
    expect((await inboxOf(resultOwner)).unreadNotificationCount).toBe(1);
    const marked = await resultOwner.request<{ markNotificationRead: { readAt: string | null } }>(MARK_READ, { id: match.id });
    expect(marked.markNotificationRead.readAt).not.toBeNull();
    expect((await inboxOf(resultOwner)).unreadNotificationCount).toBe(0);
    expect((await failure(anonymous, NOTIFICATIONS)).code).toBe('UNAUTHENTICATED');
  });
});

/** Polls until `read` returns a value (alerts are computed after the index has the listing). */
async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the notification');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
