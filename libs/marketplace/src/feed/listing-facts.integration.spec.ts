import { Role } from '@ttm/auth';
import { ListingFacts, ListingFactsPage, MarketplaceStatsPage } from '@ttm/events';
import { expertInput, needInput, resultInput } from '../testing/fixtures';
import { RunningMarketplace, startMarketplace, TestUser, must } from '../testing/marketplace-test-app';

const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }`;
const SUBMIT_NEED = `mutation ($id: ID!) { submitNeed(id: $id) { id } }`;
const CLOSE_NEED = `mutation ($id: ID!) { closeNeed(id: $id) { id } }`;
const CREATE_RESULT = `mutation ($input: CreateResultInput!) { createResult(input: $input) { id } }`;
const SUBMIT_RESULT = `mutation ($id: ID!) { submitResult(id: $id) { id } }`;
const CREATE_EXPERT = `mutation ($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename } }`;

describe('internal listing facts and stats for the brokerage (real service, real PostgreSQL)', () => {
  let marketplace: RunningMarketplace;
  let enterprise: TestUser;
  let researcher: TestUser;
  let admin: TestUser;
  let serviceToken: string;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    enterprise = await marketplace.user(Role.ENTERPRISE);
    researcher = await marketplace.user(Role.RESEARCHER);
    admin = await marketplace.user(Role.ADMIN);
    serviceToken = await marketplace.serviceToken('brokerage');
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  async function get<T>(path: string, token: string | null = serviceToken): Promise<{ status: number; body: T }> {
    const response = await fetch(`${marketplace.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function mutate(document: string, variables: Record<string, unknown>, user: TestUser): Promise<string> {
    const { data, errors } = await marketplace.request<Record<string, { id: string }>>(document, variables, user);
    expect(errors).toBeUndefined();
    return Object.values(must(data))[0]?.id ?? '';
  }

  it('refuses callers without a service token and malformed ids', async () => {
    expect((await get('/internal/listings?ids=00000000-0000-4000-8000-000000000001', null)).status).toBe(401);
    expect((await get('/internal/stats', enterprise.token)).status).toBe(401);
    expect((await get('/internal/listings?ids=')).status).toBe(400);
    expect((await get('/internal/listings?ids=nope')).status).toBe(400);
    expect((await get('/internal/listings/nope')).status).toBe(400);
    expect((await get('/internal/listings/00000000-0000-4000-8000-999999999999')).status).toBe(404);
  });

  it('tells owner, status, anonymity and contact of needs, results and experts, in the order asked', async () => {
    const needId = await mutate(CREATE_NEED, { input: needInput({ anonymous: true }) }, enterprise);
    await mutate(SUBMIT_NEED, { id: needId }, enterprise);
    await mutate(APPROVE, { id: needId }, admin);
    const resultId = await mutate(CREATE_RESULT, { input: resultInput() }, researcher);
    const expertId = await mutate(CREATE_EXPERT, { input: expertInput() }, researcher);

    const { status, body } = await get<ListingFactsPage>(`/internal/listings?ids=${expertId},00000000-0000-4000-8000-999999999999,${needId},${resultId}`);
    expect(status).toBe(200);
    expect(body.listings.map((listing) => listing.id)).toEqual([expertId, needId, resultId]);
    const [expert, need, result] = body.listings;
    expect(need).toMatchObject({
      kind: 'NEED',
      status: 'PUBLISHED',
      ownerId: enterprise.id,
      anonymous: true,
      industry: 'TEXTILE',
      organizationName: '海宁某经编有限公司',
      contact: { name: '王工', phone: '13800138000', email: 'wang@example.com' },
    });
    expect(need.publishedAt).not.toBeNull();
    expect(result).toMatchObject({ kind: 'RESULT', status: 'DRAFT', ownerId: researcher.id, anonymous: false, publishedAt: null });
    expect(expert).toMatchObject({ kind: 'EXPERT', ownerId: researcher.id, title: expertInput()['name'], organizationName: expertInput()['institution'] });

    const single = await get<ListingFacts>(`/internal/listings/${needId.toUpperCase()}`);
    expect(single.body).toEqual(need);
  });

  it('counts every listing ever published by kind, industry and month of first publication', async () => {
    const before = await get<MarketplaceStatsPage>('/internal/stats');
    const count = (page: MarketplaceStatsPage, kind: string, industry: string) =>
      page.published.filter((row) => row.kind === kind && row.industry === industry).reduce((sum, row) => sum + row.count, 0);

    const closed = await mutate(CREATE_NEED, { input: needInput({ industry: 'NEW_ENERGY' }) }, enterprise);
    await mutate(SUBMIT_NEED, { id: closed }, enterprise);
    await mutate(APPROVE, { id: closed }, admin);
    await mutate(CLOSE_NEED, { id: closed }, enterprise);
    const draft = await mutate(CREATE_NEED, { input: needInput({ industry: 'NEW_ENERGY' }) }, enterprise);
    const result = await mutate(CREATE_RESULT, { input: resultInput() }, researcher);
    await mutate(SUBMIT_RESULT, { id: result }, researcher);
    await mutate(APPROVE, { id: result }, admin);
    expect(draft).not.toBe('');

    const after = await get<MarketplaceStatsPage>('/internal/stats');
    expect(count(after.body, 'NEED', 'NEW_ENERGY') - count(before.body, 'NEED', 'NEW_ENERGY')).toBe(1);
    expect(count(after.body, 'RESULT', 'NEW_ENERGY') - count(before.body, 'RESULT', 'NEW_ENERGY')).toBe(1);
    const [{ month }] = await marketplace.sql<{ month: string }>(
      `SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM marketplace.needs WHERE id = $1`,
      [closed],
    );
    expect(after.body.published).toContainEqual(expect.objectContaining({ kind: 'NEED', industry: 'NEW_ENERGY', month }));
    const [{ total }] = await marketplace.sql<{ total: number }>(`SELECT count(*)::int AS total FROM marketplace.needs WHERE published_at IS NOT NULL`);
    expect(after.body.published.filter((row) => row.kind === 'NEED').reduce((sum, row) => sum + row.count, 0)).toBe(total);
  });
});
