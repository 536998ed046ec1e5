import { Role } from '@ttm/auth';
import { DEMO_CHALLENGES, DEMO_EXPERTS, DEMO_NEEDS, DEMO_RESULTS } from '@ttm/demo';
import { FeedPage, ListingEventType, ListingUpsertedPayload, SnapshotPage } from '@ttm/events';
import { DemoSeeder } from '../demo/demo-seeder';
import { expertInput, needInput, resultInput } from '../testing/fixtures';
import { RunningMarketplace, startMarketplace, TestUser, must } from '../testing/marketplace-test-app';

const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }`;
const UPDATE_NEED = `mutation ($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id status version } }`;
const SUBMIT_NEED = `mutation ($id: ID!) { submitNeed(id: $id) { id status version } }`;
const CLOSE_NEED = `mutation ($id: ID!) { closeNeed(id: $id) { id status version } }`;
const CREATE_RESULT = `mutation ($input: CreateResultInput!) { createResult(input: $input) { id } }`;
const SUBMIT_RESULT = `mutation ($id: ID!) { submitResult(id: $id) { id } }`;
const CREATE_EXPERT = `mutation ($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const SUBMIT_EXPERT = `mutation ($id: ID!) { submitExpert(id: $id) { id } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectListing(id: $id, reason: $reason) { __typename } }`;

describe('outbox and the internal feed (real service, real PostgreSQL)', () => {
  let marketplace: RunningMarketplace;
  let enterprise: TestUser;
  let admin: TestUser;
  let serviceToken: string;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    enterprise = await marketplace.user(Role.ENTERPRISE);
    admin = await marketplace.user(Role.ADMIN);
    serviceToken = await marketplace.serviceToken('search');
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  async function get<T>(path: string, token: string | null = serviceToken): Promise<{ status: number; body: T }> {
    const response = await fetch(`${marketplace.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function mutate<T = Record<string, { id: string; version: number }>>(document: string, variables: Record<string, unknown>, user: TestUser): Promise<T> {
    const { data, errors } = await marketplace.request<T>(document, variables, user);
    expect(errors).toBeUndefined();
    return must(data);
  }

  async function eventsOf(aggregateId: string): Promise<FeedPage['events']> {
    const { body } = await get<FeedPage>('/internal/feed?after=0&limit=1000');
    return body.events.filter((event) => event.aggregateId === aggregateId);
  }

  it('refuses callers without a service token with 401', async () => {
    expect((await get('/internal/feed', null)).status).toBe(401);
    expect((await get('/internal/snapshot', null)).status).toBe(401);
    expect((await get('/internal/feed', 'garbage')).status).toBe(401);
    expect((await get('/internal/feed', admin.token)).status).toBe(401);
    expect((await get('/internal/snapshot', enterprise.token)).status).toBe(401);
  });

  it('refuses malformed paging with 400', async () => {
    expect((await get('/internal/feed?limit=1001')).status).toBe(400);
    expect((await get('/internal/feed?limit=0')).status).toBe(400);
    expect((await get('/internal/feed?after=-1')).status).toBe(400);
    expect((await get('/internal/snapshot?after=not-a-uuid')).status).toBe(400);
  });

  it('writes an outbox row for every public change, in order, with increasing versions and no contact details', async () => {
    const { createNeed } = await mutate(CREATE_NEED, { input: needInput({ anonymous: true }) }, enterprise);
    const id = createNeed.id;
    await mutate(SUBMIT_NEED, { id }, enterprise);
    expect(await eventsOf(id)).toEqual([]);

    await mutate(APPROVE, { id }, admin); // v3 published
    await mutate(UPDATE_NEED, { id, input: { title: '经编机断纱在线检测（修订）' } }, enterprise); // v4 back to review
    await mutate(APPROVE, { id }, admin); // v5
    await mutate(UPDATE_NEED, { id, input: { keywords: ['经编', '断纱'] } }, admin); // v6 stays published
    await mutate(REJECT, { id, reason: '内容涉嫌重复发布' }, admin); // v7 taken down
    await mutate(SUBMIT_NEED, { id }, enterprise); // v8
    await mutate(APPROVE, { id }, admin); // v9
    await mutate(CLOSE_NEED, { id }, enterprise); // v10

    const events = await eventsOf(id);
    expect(events.map((event) => [event.type, event.aggregateVersion])).toEqual([
      [ListingEventType.UPSERTED, 3],
      [ListingEventType.REMOVED, 4],
      [ListingEventType.UPSERTED, 5],
      [ListingEventType.UPSERTED, 6],
      [ListingEventType.REMOVED, 7],
      [ListingEventType.UPSERTED, 9],
      [ListingEventType.REMOVED, 10],
    ]);
    const seqs = events.map((event) => BigInt(event.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));

    const upserted = events[3].payload as ListingUpsertedPayload;
    expect(upserted.document).toMatchObject({ id, kind: 'NEED', version: 6, keywords: ['经编', '断纱'], organizationName: null });
    const raw = JSON.stringify(events);
    for (const secret of ['13800138000', 'wang@example.com', '王工']) expect(raw).not.toContain(secret);
    expect(events[1].payload).toEqual({ id, kind: 'NEED', version: 4 });

    const [row] = await marketplace.sql<{ aggregate_type: string }>('SELECT aggregate_type FROM marketplace.outbox WHERE aggregate_id = $1 LIMIT 1', [id]);
    expect(row.aggregate_type).toBe('Listing');
  });

  it('pages the feed after a sequence number and reports the head', async () => {
    const all = (await get<FeedPage>('/internal/feed?after=0&limit=1000')).body;
    expect(all.events.length).toBeGreaterThanOrEqual(7);
    expect(all.headSeq).toBe(must(all.events.at(-1)).seq);
    const first = (await get<FeedPage>('/internal/feed?limit=3')).body;
    expect(first.events).toEqual(all.events.slice(0, 3));
    const next = (await get<FeedPage>(`/internal/feed?after=${first.events[2].seq}&limit=3`)).body;
    expect(next.events).toEqual(all.events.slice(3, 6));
    const end = (await get<FeedPage>(`/internal/feed?after=${all.headSeq}`)).body;
    expect(end).toEqual({ events: [], headSeq: all.headSeq });
  });

  it('serves a snapshot of every published listing of every kind, by id, in pages', async () => {
    const researcher = await marketplace.user(Role.RESEARCHER);
    const published: string[] = [];
    for (let index = 0; index < 3; index++) {
      const { createNeed } = await mutate(CREATE_NEED, { input: needInput() }, enterprise);
      await mutate(SUBMIT_NEED, { id: createNeed.id }, enterprise);
      await mutate(APPROVE, { id: createNeed.id }, admin);
      published.push(createNeed.id);
      const { createResult } = await mutate(CREATE_RESULT, { input: resultInput() }, researcher);
      await mutate(SUBMIT_RESULT, { id: createResult.id }, researcher);
      await mutate(APPROVE, { id: createResult.id }, admin);
      published.push(createResult.id);
    }
    const { createExpert } = await mutate(CREATE_EXPERT, { input: expertInput() }, researcher);
    await mutate(SUBMIT_EXPERT, { id: createExpert.id }, researcher);
    await mutate(APPROVE, { id: createExpert.id }, admin);
    published.push(createExpert.id);
    await mutate(CREATE_NEED, { input: needInput() }, enterprise); // a draft: not in the snapshot

    const head = (await get<FeedPage>('/internal/feed?limit=1')).body.headSeq;
    const documents: SnapshotPage['documents'] = [];
    let after: string | null = null;
    do {
      const page: SnapshotPage = (await get<SnapshotPage>(`/internal/snapshot?limit=2${after ? `&after=${after}` : ''}`)).body;
      expect(page.headSeq).toBe(head);
      expect(page.documents.length).toBeLessThanOrEqual(2);
      documents.push(...page.documents);
      after = page.nextAfter;
    } while (after);

    const ids = documents.map((document) => document.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual([...published].sort());
    expect(new Set(documents.map((document) => document.kind))).toEqual(new Set(['NEED', 'RESULT', 'EXPERT']));
    expect(JSON.stringify(documents)).not.toContain('13800138000');
  });

  it('leaves no outbox row behind when the change is rolled back', async () => {
    const { createNeed } = await mutate(CREATE_NEED, { input: needInput() }, enterprise);
    await mutate(SUBMIT_NEED, { id: createNeed.id }, enterprise);
    const outboxBefore = await marketplace.count('outbox');
    // Fails at COMMIT, i.e. after the listing row and its outbox row were both written.
    await marketplace.sql(`
      CREATE FUNCTION marketplace.fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated failure at commit'; END $$;
      CREATE CONSTRAINT TRIGGER fail_commit AFTER INSERT ON marketplace.outbox
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION marketplace.fail_commit();
    `);
    try {
      const { errors } = await marketplace.request(APPROVE, { id: createNeed.id }, admin);
      expect(errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(errors?.[0]?.message).not.toContain('simulated');
    } finally {
      await marketplace.sql('DROP TRIGGER fail_commit ON marketplace.outbox; DROP FUNCTION marketplace.fail_commit();');
    }
    expect(await marketplace.count('outbox')).toBe(outboxBefore);
    const [row] = await marketplace.sql<{ status: string; version: number }>('SELECT status, version FROM marketplace.needs WHERE id = $1', [createNeed.id]);
    expect(row).toEqual({ status: 'PENDING_REVIEW', version: 2 });
    expect(await eventsOf(createNeed.id)).toEqual([]);
  });

  it('does not seed demo data into a marketplace that has listings', async () => {
    expect(await marketplace.app.get(DemoSeeder).seed()).toBe(0);
  });
});

describe('demo data (SEED_DEMO=true)', () => {
  let marketplace: RunningMarketplace;

  beforeAll(async () => {
    marketplace = await startMarketplace({ SEED_DEMO: 'true' });
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  it('seeds every demo listing as PUBLISHED with its UPSERTED outbox row, once', async () => {
    const total = DEMO_NEEDS.length + DEMO_RESULTS.length + DEMO_EXPERTS.length + DEMO_CHALLENGES.length;
    expect(await marketplace.count('needs')).toBe(DEMO_NEEDS.length);
    expect(await marketplace.count('results')).toBe(DEMO_RESULTS.length);
    expect(await marketplace.count('experts')).toBe(DEMO_EXPERTS.length);
    expect(await marketplace.count('outbox')).toBe(total);
    const statuses = await marketplace.sql<{ status: string; oldest: Date }>(
      `SELECT status, min(published_at) AS oldest FROM (
         SELECT status, published_at FROM marketplace.needs UNION ALL
         SELECT status, published_at FROM marketplace.results UNION ALL
         SELECT status, published_at FROM marketplace.experts UNION ALL
         SELECT status, published_at FROM marketplace.challenges) listings GROUP BY status`,
    );
    if (total > 0) {
      expect(statuses.map((row) => row.status)).toEqual(['PUBLISHED']);
      expect(Date.now() - new Date(statuses[0].oldest).getTime()).toBeLessThan(90 * 24 * 3600 * 1000);
    }
    expect(await marketplace.app.get(DemoSeeder).seed()).toBe(0);
    expect(await marketplace.count('outbox')).toBe(total);
  });

  it('serves the demo listings publicly, without contact details', async () => {
    const { data } = await marketplace.request<{ needs: { totalCount: number; edges: { node: { contact: unknown } }[] } }>(
      `{ needs(first: 100) { totalCount edges { node { contact { phone } } } } }`,
    );
    expect(data?.needs.totalCount).toBe(DEMO_NEEDS.length);
    expect(data?.needs.edges.every((edge) => edge.node.contact === null)).toBe(true);
  });
});
