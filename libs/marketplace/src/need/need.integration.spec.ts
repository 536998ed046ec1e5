import { Role } from '@ttm/auth';
import { needInput, NEED_FIELDS } from '../testing/fixtures';
import { RunningMarketplace, startMarketplace, TestUser, must } from '../testing/marketplace-test-app';

const CREATE = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { ${NEED_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { ${NEED_FIELDS} } }`;
const SUBMIT = `mutation ($id: ID!) { submitNeed(id: $id) { id status version submittedAt } }`;
const CLOSE = `mutation ($id: ID!) { closeNeed(id: $id) { id status version } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename ... on Need { id status version publishedAt } } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectListing(id: $id, reason: $reason) { ... on Need { id status rejectionReason } } }`;
const NEED = `query ($id: ID!) { need(id: $id) { ${NEED_FIELDS} } }`;
const NEEDS = `query ($filter: NeedFilter, $first: Int, $after: String) {
  needs(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NEED_FIELDS} } } }
}`;

interface NeedView {
  id: string;
  status: string;
  version: number;
  contact: { name: string } | null;
  owner: { id: string } | null;
  organizationName: string | null;
  keywords: string[];
  rejectionReason: string | null;
  title: string;
}

describe('needs over GraphQL (real service, real PostgreSQL)', () => {
  let marketplace: RunningMarketplace;
  let enterprise: TestUser;
  let otherEnterprise: TestUser;
  let researcher: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    enterprise = await marketplace.user(Role.ENTERPRISE);
    otherEnterprise = await marketplace.user(Role.ENTERPRISE);
    researcher = await marketplace.user(Role.RESEARCHER);
    admin = await marketplace.user(Role.ADMIN);
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  async function createNeed(owner: TestUser, overrides: Record<string, unknown> = {}): Promise<NeedView> {
    const { data, errors } = await marketplace.request<{ createNeed: NeedView }>(CREATE, { input: needInput(overrides) }, owner);
    expect(errors).toBeUndefined();
    return must(data).createNeed;
  }

  async function publishedNeed(owner: TestUser, overrides: Record<string, unknown> = {}): Promise<NeedView> {
    const need = await createNeed(owner, overrides);
    expect((await marketplace.request(SUBMIT, { id: need.id }, owner)).errors).toBeUndefined();
    expect((await marketplace.request(APPROVE, { id: need.id }, admin)).errors).toBeUndefined();
    return need;
  }

  it('create → submit → approve: the anonymous list shows it, without contact', async () => {
    const created = await createNeed(enterprise);
    expect(created).toMatchObject({ status: 'DRAFT', version: 1, owner: { id: enterprise.id }, contact: { name: '王工' } });
    expect(created.keywords).toEqual(['经编', '断纱检测', '机器视觉']);

    const submitted = await marketplace.request<{ submitNeed: { status: string; version: number } }>(SUBMIT, { id: created.id }, enterprise);
    expect(submitted.data?.submitNeed).toMatchObject({ status: 'PENDING_REVIEW', version: 2 });

    const approved = await marketplace.request<{ approveListing: { __typename: string; status: string; version: number } }>(
      APPROVE,
      { id: created.id },
      admin,
    );
    expect(approved.data?.approveListing).toMatchObject({ __typename: 'Need', status: 'PUBLISHED', version: 3 });

    const list = await marketplace.request<{ needs: { totalCount: number; edges: { node: NeedView }[] } }>(NEEDS, {});
    expect(list.errors).toBeUndefined();
    const node = must(list.data).needs.edges.find((edge) => edge.node.id === created.id)?.node;
    expect(node).toMatchObject({ status: 'PUBLISHED', contact: null, owner: { id: enterprise.id }, organizationName: '海宁某经编有限公司' });

    const asOwner = await marketplace.request<{ need: NeedView }>(NEED, { id: created.id }, enterprise);
    expect(asOwner.data?.need.contact).toEqual({ name: '王工', phone: '13800138000', email: 'wang@example.com' });
    const asAdmin = await marketplace.request<{ need: NeedView }>(NEED, { id: created.id }, admin);
    expect(asAdmin.data?.need.contact).not.toBeNull();
    const asOther = await marketplace.request<{ need: NeedView }>(NEED, { id: created.id }, otherEnterprise);
    expect(asOther.data?.need.contact).toBeNull();
  });

  it('keeps drafts (and everything unpublished) invisible to others', async () => {
    const draft = await createNeed(enterprise);
    for (const viewer of [undefined, otherEnterprise, researcher]) {
      const { errors } = await marketplace.request(NEED, { id: draft.id }, viewer);
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const list = await marketplace.request<{ needs: { edges: { node: NeedView }[] } }>(NEEDS, {}, otherEnterprise);
    expect(must(list.data).needs.edges.map((edge) => edge.node.id)).not.toContain(draft.id);
    const mine = await marketplace.request<{ needs: { edges: { node: NeedView }[] } }>(NEEDS, { filter: { mine: true } }, enterprise);
    expect(must(mine.data).needs.edges.map((edge) => edge.node.id)).toContain(draft.id);
    const drafts = await marketplace.request<{ needs: { edges: { node: NeedView }[] } }>(NEEDS, { filter: { status: 'DRAFT' } }, admin);
    expect(must(drafts.data).needs.edges.map((edge) => edge.node.id)).toContain(draft.id);
  });

  it('refuses other users and anonymous callers', async () => {
    const need = await publishedNeed(enterprise);
    const byOther = await marketplace.request(UPDATE, { id: need.id, input: { title: '别人的需求改个标题' } }, otherEnterprise);
    expect(byOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const draft = await createNeed(enterprise);
    expect((await marketplace.request(UPDATE, { id: draft.id, input: { title: '别人的草稿改个标题' } }, otherEnterprise)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await marketplace.request(SUBMIT, { id: draft.id }, otherEnterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await marketplace.request(CLOSE, { id: need.id }, otherEnterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect((await marketplace.request(CREATE, { input: needInput() })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await marketplace.request(UPDATE, { id: need.id, input: { title: '匿名用户改标题' } })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await marketplace.request(CREATE, { input: needInput() }, researcher)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await marketplace.request(APPROVE, { id: draft.id }, enterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await marketplace.request(NEEDS, { filter: { mine: true } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await marketplace.request(NEEDS, { filter: { status: 'DRAFT' } }, otherEnterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await marketplace.request(NEED, { id: need.id }, 'not-a-token')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const unchanged = await marketplace.request<{ need: NeedView }>(NEED, { id: need.id });
    expect(unchanged.data?.need).toMatchObject({ status: 'PUBLISHED', title: '经编机断纱自动检测方案征集' });
  });

  it('sends an owner-edited published need back to review, out of public view', async () => {
    const need = await publishedNeed(enterprise);
    const edited = await marketplace.request<{ updateNeed: NeedView }>(UPDATE, { id: need.id, input: { title: '经编机断纱检测（修订）' } }, enterprise);
    expect(edited.data?.updateNeed).toMatchObject({ status: 'PENDING_REVIEW', version: 4, title: '经编机断纱检测（修订）' });
    expect((await marketplace.request(NEED, { id: need.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const noop = await marketplace.request<{ updateNeed: NeedView }>(UPDATE, { id: need.id, input: { title: '经编机断纱检测（修订）' } }, enterprise);
    expect(noop.data?.updateNeed.version).toBe(4);
  });

  it('lets an administrator fix a published need without taking it down', async () => {
    const need = await publishedNeed(enterprise);
    const edited = await marketplace.request<{ updateNeed: NeedView }>(UPDATE, { id: need.id, input: { keywords: ['经编', '断纱'] } }, admin);
    expect(edited.data?.updateNeed).toMatchObject({ status: 'PUBLISHED', version: 4, keywords: ['经编', '断纱'] });
  });

  it('rejects with a reason the owner sees; the owner edits and resubmits', async () => {
    const need = await createNeed(enterprise);
    await marketplace.request(SUBMIT, { id: need.id }, enterprise);
    const tooShort = await marketplace.request(REJECT, { id: need.id, reason: ' x ' }, admin);
    expect(tooShort.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rejected = await marketplace.request<{ rejectListing: NeedView }>(REJECT, { id: need.id, reason: '预算范围不清楚，请补充' }, admin);
    expect(rejected.data?.rejectListing).toMatchObject({ status: 'REJECTED', rejectionReason: '预算范围不清楚，请补充' });

    const asOwner = await marketplace.request<{ need: NeedView }>(NEED, { id: need.id }, enterprise);
    expect(asOwner.data?.need).toMatchObject({ status: 'REJECTED', rejectionReason: '预算范围不清楚，请补充' });
    await marketplace.request(UPDATE, { id: need.id, input: { budgetMin: 300000 } }, enterprise);
    const resubmitted = await marketplace.request<{ submitNeed: NeedView }>(SUBMIT, { id: need.id }, enterprise);
    expect(resubmitted.data?.submitNeed.status).toBe('PENDING_REVIEW');
  });

  it('refuses illegal transitions with CONFLICT naming the current status', async () => {
    const need = await createNeed(enterprise);
    const approveDraft = await marketplace.request(APPROVE, { id: need.id }, admin);
    expect(approveDraft.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(approveDraft.errors?.[0]?.message).toContain('DRAFT');
    await marketplace.request(CLOSE, { id: need.id }, enterprise);
    const editClosed = await marketplace.request(UPDATE, { id: need.id, input: { title: '关闭后还想改标题' } }, enterprise);
    expect(editClosed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(editClosed.errors?.[0]?.message).toContain('CLOSED');
  });

  it('hides the publisher of an anonymous need from everyone but its owner and administrators', async () => {
    const need = await publishedNeed(enterprise, { anonymous: true });
    const anonymousView = await marketplace.request<{ need: NeedView }>(NEED, { id: need.id }, otherEnterprise);
    expect(anonymousView.data?.need).toMatchObject({ owner: null, organizationName: null, contact: null });
    const ownerView = await marketplace.request<{ need: NeedView }>(NEED, { id: need.id }, enterprise);
    expect(ownerView.data?.need).toMatchObject({ owner: { id: enterprise.id }, organizationName: '海宁某经编有限公司' });
    const adminView = await marketplace.request<{ need: NeedView }>(NEED, { id: need.id }, admin);
    expect(adminView.data?.need.owner).toEqual({ id: enterprise.id });
  });

  it('pages through needs newest first with filters', async () => {
    const owner = await marketplace.user(Role.ENTERPRISE);
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      ids.push((await publishedNeed(owner, { budgetMin: index * 100000, budgetMax: index * 100000 + 50000, regionCode: '330481' })).id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { needs: { edges: { node: NeedView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } =
        await marketplace.request(NEEDS, { filter: { mine: true, status: 'PUBLISHED' }, first: 2, after }, owner);
      seen.push(...must(page.data).needs.edges.map((edge) => edge.node.id));
      after = must(page.data).needs.pageInfo.hasNextPage ? must(page.data).needs.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...ids].reverse());

    const budget = await marketplace.request<{ needs: { edges: { node: NeedView }[] } }>(NEEDS, {
      filter: { mine: true, minBudget: 250000, maxBudget: 350000 },
    }, owner);
    expect(must(budget.data).needs.edges.map((edge) => edge.node.id)).toEqual([ids[3], ids[2]]);

    const region = await marketplace.request<{ needs: { totalCount: number } }>(NEEDS, { filter: { regionCode: '330400' } });
    expect(must(region.data).needs.totalCount).toBeGreaterThanOrEqual(5);
    const elsewhere = await marketplace.request<{ needs: { totalCount: number } }>(NEEDS, { filter: { regionCode: '330000', industry: 'NEW_ENERGY' } });
    expect(must(elsewhere.data).needs.totalCount).toBe(0);
    const mode = await marketplace.request<{ needs: { totalCount: number } }>(NEEDS, { filter: { mine: true, cooperationMode: 'EQUITY' } }, owner);
    expect(must(mode.data).needs.totalCount).toBe(0);

    const tampered = await marketplace.request(NEEDS, { first: 2, after: 'bm90LWEtY3Vyc29y' });
    expect(tampered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
