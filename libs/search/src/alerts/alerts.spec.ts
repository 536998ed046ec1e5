import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role } from '@ttm/auth';
import { parseConfig } from '@ttm/config';
import { DEMO_MATCH_HINTS } from '@ttm/demo';
import { ListingDocument, ListingEventType } from '@ttm/events';
import { bootstrapSubgraph } from '@ttm/graphql';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListingIndex } from '../index/listing-index.provider';
import { demoListingDocuments } from '../matching/demo-listings';
import { searchServiceModule } from '../search-app.module';
import { InternalRoutesServer, startInternalRoutes } from '../testing/internal-routes-server';
import { AlertFollower } from './alert-follower.service';
import { ALERT_MIN_SCORE, MAX_SAVED_SEARCHES_PER_USER } from './alert-rules';

jest.setTimeout(180_000);

const JWT_SECRET = 'alerts-test-secret-that-is-long-enough-0123456789';

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface TestUser {
  id: string;
  token: string;
}

interface NotificationView {
  id: string;
  kind: string;
  title: string;
  message: string;
  listingId: string;
  listingKind: string;
  listing: { __typename: string; id: string } | null;
  matchedListing: { __typename: string; id: string } | null;
  savedSearchId: string | null;
  score: number | null;
  reasons: string[];
  createdAt: string;
  readAt: string | null;
}

const NOTIFICATIONS = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id kind title message listingId listingKind savedSearchId score reasons createdAt readAt
      listing { __typename ... on Need { id } ... on Result { id } ... on Expert { id } ... on Challenge { id } }
      matchedListing { __typename ... on Need { id } ... on Result { id } ... on Expert { id } }
    } }
  }
}`;
const SAVE_SEARCH = `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id name query kinds filters { industries trlMin trlMax } createdAt } }`;

/**
 * Alerts in the real search service (PostgreSQL, embedded engine, GraphQL over HTTP). The
 * marketplace's feed is served by a small HTTP server (testing/internal-routes-server.ts): the demo
 * listings are the snapshot (history, never alerted about), and each test appends the feed events a
 * publication would produce.
 */
describe('alerts about newly published listings', () => {
  let database: TestDatabase;
  let dataDir: string;
  let marketplace: InternalRoutesServer;
  let app: INestApplication;
  let url: string;
  let jwt: JwtService;
  const HISTORY_HEAD = 10;
  const demo = demoListingDocuments();
  const byId = new Map(demo.map((doc) => [doc.id, doc]));

  const headSeq = () => marketplace.headSeq();

  beforeAll(async () => {
    database = await createTestDatabase('alerts');
    dataDir = await mkdtemp(join(tmpdir(), 'ttm-alerts-'));
    marketplace = await startInternalRoutes({ snapshot: demo, historyHead: HISTORY_HEAD, jwtSecret: JWT_SECRET });
    const config = parseConfig({
      DATABASE_URL: database.url,
      JWT_SECRET,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      MARKETPLACE_URL: marketplace.serviceUrl,
      IDENTITY_URL: marketplace.serviceUrl,
    });
    app = await bootstrapSubgraph(searchServiceModule(config), 'search', 0);
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    jwt = app.get(JwtService);
    // Alerting starts at the feed head: the demo listings are history.
    await eventually(async () => expect(await checkpointSeq()).toBe(String(HISTORY_HEAD)));
  });

  afterAll(async () => {
    await app?.close();
    await marketplace?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => database.query<T>(text, values);

  const checkpointSeq = async () => (await sql<{ seq: string }>(`SELECT seq::text AS seq FROM search.alert_checkpoints`))[0]?.seq ?? null;
  const notificationCount = async () => Number((await sql<{ n: string }>(`SELECT count(*)::text AS n FROM search.notifications`))[0].n);

  async function user(id: string = randomUUID(), roles: Role[] = [Role.ENTERPRISE]): Promise<TestUser> {
    const claims: AccessTokenClaims = { sub: id, roles, typ: 'access', sid: randomUUID(), ver: 1 };
    return { id, token: await jwt.signAsync(claims) };
  }

  async function query<T>(text: string, variables: Record<string, unknown>, caller?: TestUser): Promise<GraphQLResult<T>> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(caller ? { authorization: `Bearer ${caller.token}` } : {}) },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  async function inbox(caller: TestUser, variables: Record<string, unknown> = {}): Promise<NotificationView[]> {
    const { data, errors } = await query<{ notifications: { edges: { node: NotificationView }[] } }>(NOTIFICATIONS, variables, caller);
    expect(errors).toBeUndefined();
    return data?.notifications.edges.map((edge) => edge.node) ?? [];
  }

  /** Appends the feed event of a publication (or edit) and waits until the index and the alerts have both caught up. */
  async function publish(document: ListingDocument): Promise<void> {
    const seq = String(Number(headSeq()) + 1);
    marketplace.events.push({ seq, type: ListingEventType.UPSERTED, aggregateId: document.id, aggregateVersion: document.version, payload: { document } });
    await eventually(async () => expect((await app.get(ListingIndex).index.stats()).checkpoint).toBe(seq));
    await app.get(AlertFollower).catchUp();
    expect(await checkpointSeq()).toBe(seq);
  }

  /** A copy of a demo listing as a new listing of another owner, published now. */
  function newListing(demoId: string, ownerId: string, overrides: Partial<ListingDocument> = {}): ListingDocument {
    const source = byId.get(demoId);
    if (!source) throw new Error(`no demo listing ${demoId}`);
    const now = new Date().toISOString();
    return { ...source, id: randomUUID(), ownerId, version: 1, publishedAt: now, updatedAt: now, ...overrides };
  }

  const hint = DEMO_MATCH_HINTS[18]; // 钙钛矿/晶硅叠层电池中试开发 → its results and experts
  let author: TestUser;
  let resultOwner: TestUser;
  let broker: TestUser;
  let searcher: TestUser;
  let need: ListingDocument;

  it('notifies the owner of a matching result, a broker following the industry and a saved search owner — not the author', async () => {
    const demoNeed = byId.get(hint.needId);
    const demoResult = byId.get(hint.resultIds[0]);
    if (!demoNeed || !demoResult) throw new Error('demo hint listings missing');
    author = await user();
    resultOwner = await user(demoResult.ownerId, [Role.RESEARCHER]);
    broker = await user(randomUUID(), [Role.BROKER]);
    searcher = await user();

    const followed = await query<{ followIndustry: { code: string; name: string }[] }>(`mutation ($i: String!) { followIndustry(industry: $i) { code name } }`, { i: demoNeed.industry }, broker);
    expect(followed.errors).toBeUndefined();
    expect(followed.data?.followIndustry.map((industry) => industry.code)).toEqual([demoNeed.industry]);
    const saved = await query<{ saveSearch: { id: string; kinds: string[] } }>(SAVE_SEARCH, { input: { name: '钙钛矿需求', query: '钙钛矿', kinds: ['NEED'] } }, searcher);
    expect(saved.errors).toBeUndefined();
    // The author's own saved search finds the need too, but nobody is told about their own listing.
    expect((await query(SAVE_SEARCH, { input: { name: '我的', query: '钙钛矿' } }, author)).errors).toBeUndefined();

    need = newListing(hint.needId, author.id);
    await publish(need);

    const [match] = await inbox(resultOwner);
    expect(match).toMatchObject({ kind: 'MATCHING_LISTING', listingId: need.id, listingKind: 'NEED', listing: { __typename: 'Need', id: need.id }, readAt: null });
    expect(match.matchedListing?.__typename).toBe('Result');
    expect(match.score).toBeGreaterThanOrEqual(ALERT_MIN_SCORE);
    expect(match.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^关键词匹配: /)]));
    expect(match.title).toBe('新技术需求与您的成果匹配');
    expect(match.message).toContain(`「${need.title}」`);

    const [industry] = await inbox(broker);
    expect(industry).toMatchObject({ kind: 'FOLLOWED_INDUSTRY', listingId: need.id, score: null, reasons: [] });
    const [hit] = await inbox(searcher);
    expect(hit).toMatchObject({ kind: 'SAVED_SEARCH', listingId: need.id, savedSearchId: saved.data?.saveSearch.id });
    expect(hit.message).toContain('「钙钛矿需求」');
    expect(await inbox(author)).toEqual([]);
  });

  it('alerts once per listing: an edit, a replayed feed and history alert nobody again', async () => {
    const before = await notificationCount();
    expect(before).toBeGreaterThanOrEqual(3);
    await publish({ ...need, version: 2, title: `${need.title}（更新）`, updatedAt: new Date().toISOString() });
    expect(await notificationCount()).toBe(before);

    // A listing first published before alerting began (history) that reaches the feed now: no alerts.
    await publish(newListing(hint.needId, author.id, { publishedAt: '2020-01-01T00:00:00.000Z' }));
    expect(await notificationCount()).toBe(before);

    // Replaying the whole feed from the start, even with the record of alerted listings lost, adds nothing.
    const head = await checkpointSeq();
    await sql(`UPDATE search.alert_checkpoints SET seq = $1`, [HISTORY_HEAD]);
    await sql(`DELETE FROM search.alerted_listings`);
    await app.get(AlertFollower).catchUp();
    expect(await checkpointSeq()).toBe(head);
    expect(await notificationCount()).toBe(before);
  });

  it('loses nothing when a step fails before it commits: the step is redone from the stored checkpoint', async () => {
    // A real failure inside the step's transaction, after the notifications were inserted.
    await sql(`CREATE FUNCTION search.refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$`);
    await sql(`CREATE TRIGGER refuse_checkpoint AFTER UPDATE ON search.alert_checkpoints FOR EACH ROW EXECUTE FUNCTION search.refuse_checkpoint()`);
    const needOwner = await user(byId.get(hint.needId)?.ownerId);
    const before = await checkpointSeq();
    const result = newListing(hint.resultIds[0], randomUUID());
    const seq = String(Number(headSeq()) + 1);
    marketplace.events.push({ seq, type: ListingEventType.UPSERTED, aggregateId: result.id, aggregateVersion: 1, payload: { document: result } });
    await eventually(async () => expect((await app.get(ListingIndex).index.stats()).checkpoint).toBe(seq));
    await expect(app.get(AlertFollower).catchUp()).rejects.toThrow(/simulated crash/);
    expect(await checkpointSeq()).toBe(before);
    expect((await inbox(needOwner)).filter((notification) => notification.listingId === result.id)).toEqual([]);

    await sql(`DROP TRIGGER refuse_checkpoint ON search.alert_checkpoints`);
    await app.get(AlertFollower).catchUp();
    expect(await checkpointSeq()).toBe(seq);
    const alerts = (await inbox(needOwner)).filter((notification) => notification.listingId === result.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'MATCHING_LISTING', matchedListing: { __typename: 'Need', id: hint.needId }, title: '新科技成果与您的需求匹配' });
  });

  it("reads and marks only the caller's own notifications", async () => {
    const [mine] = await inbox(resultOwner);
    const stranger = await user();
    const refused = await query(`mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }`, { id: mine.id }, stranger);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await inbox(resultOwner))[0].readAt).toBeNull();
    expect((await query(`mutation { markNotificationRead(id: "not-a-uuid") { id } }`, {}, resultOwner)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const unread = async (caller: TestUser) => (await query<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`, {}, caller)).data?.unreadNotificationCount;
    expect(await unread(resultOwner)).toBe(1);
    const marked = await query<{ markNotificationRead: { readAt: string | null } }>(`mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }`, { id: mine.id }, resultOwner);
    expect(marked.data?.markNotificationRead.readAt).not.toBeNull();
    expect(await unread(resultOwner)).toBe(0);
    expect(await inbox(resultOwner, { unreadOnly: true })).toEqual([]);

    const brokerUnread = await unread(broker);
    expect(brokerUnread).toBeGreaterThan(0);
    const all = await query<{ markAllNotificationsRead: { count: number } }>(`mutation { markAllNotificationsRead { count } }`, {}, broker);
    expect(all.data?.markAllNotificationsRead.count).toBe(brokerUnread);
    expect(await unread(broker)).toBe(0);
    expect(await unread(searcher)).toBe(1);

    expect((await query(NOTIFICATIONS, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('pages the inbox newest first', async () => {
    const owner = await user();
    await sql(
      `INSERT INTO search.notifications (recipient_id, kind, listing_id, listing_kind, title, message, created_at)
       SELECT $1, 'SAVED_SEARCH', 'listing-' || i, 'NEED', '保存的搜索有新结果', '第' || i || '条', now() - i * interval '1 minute' FROM generate_series(1, 5) AS i`,
      [owner.id],
    );
    const first = await query<{ notifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: NotificationView }[] } }>(
      NOTIFICATIONS,
      { first: 3 },
      owner,
    );
    expect(first.data?.notifications.totalCount).toBe(5);
    expect(first.data?.notifications.edges.map((edge) => edge.node.listingId)).toEqual(['listing-1', 'listing-2', 'listing-3']);
    const rest = await inbox(owner, { first: 3, after: first.data?.notifications.pageInfo.endCursor });
    expect(rest.map((notification) => notification.listingId)).toEqual(['listing-4', 'listing-5']);
  });

  it('validates saved searches like search, caps them per user and deletes only your own', async () => {
    const owner = await user();
    const bad = await query(SAVE_SEARCH, { input: { name: '坏的', filters: { trlMin: 7, trlMax: 3 } } }, owner);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await query(SAVE_SEARCH, { input: { name: '   ' } }, owner)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await query(SAVE_SEARCH, { input: { name: '长', query: 'x'.repeat(201) } }, owner)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const listed = async () => (await query<{ savedSearches: { id: string; name: string }[] }>(`{ savedSearches { id name } }`, {}, owner)).data?.savedSearches ?? [];
    expect(await listed()).toEqual([]);

    for (let i = 0; i < MAX_SAVED_SEARCHES_PER_USER; i++) {
      expect((await query(SAVE_SEARCH, { input: { name: `搜索${i}`, query: '经编', filters: { industries: ['TEXTILE'], trlMin: 3 } } }, owner)).errors).toBeUndefined();
    }
    const over = await query(SAVE_SEARCH, { input: { name: '再一个' } }, owner);
    expect(over.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(over.errors?.[0]?.message).toMatch(/deleteSavedSearch/);
    const saved = await listed();
    expect(saved).toHaveLength(MAX_SAVED_SEARCHES_PER_USER);

    const stranger = await user();
    const refused = await query(`mutation ($id: ID!) { deleteSavedSearch(id: $id) }`, { id: saved[0].id }, stranger);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await query(`mutation ($id: ID!) { deleteSavedSearch(id: $id) }`, { id: saved[0].id }, owner)).errors).toBeUndefined();
    expect(await listed()).toHaveLength(MAX_SAVED_SEARCHES_PER_USER - 1);
  });

  it('lets only brokers follow industries, and only real ones', async () => {
    const enterprise = await user();
    expect((await query(`mutation { followIndustry(industry: "TEXTILE") { code } }`, {}, enterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const someBroker = await user(randomUUID(), [Role.BROKER]);
    expect((await query(`mutation { followIndustry(industry: "NOPE") { code } }`, {}, someBroker)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await query(`mutation { followIndustry(industry: "TEXTILE_WARP_KNITTING") { code } }`, {}, someBroker);
    const twice = await query<{ followIndustry: { code: string; name: string; parent: string | null }[] }>(`mutation { followIndustry(industry: "TEXTILE_WARP_KNITTING") { code name parent } }`, {}, someBroker);
    expect(twice.errors).toBeUndefined();
    expect(twice.data?.followIndustry).toEqual([{ code: 'TEXTILE_WARP_KNITTING', name: '经编', parent: 'TEXTILE' }]);
    const after = await query<{ unfollowIndustry: unknown[] }>(`mutation { unfollowIndustry(industry: "TEXTILE_WARP_KNITTING") { code } }`, {}, someBroker);
    expect(after.data?.unfollowIndustry).toEqual([]);
  });
});

async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
