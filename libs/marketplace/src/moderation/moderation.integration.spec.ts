import { Role } from '@ttm/auth';
import { EXPERT_FIELDS, expertInput, RESULT_FIELDS, resultInput, needInput } from '../testing/fixtures';
import { RunningMarketplace, startMarketplace, TestUser, must } from '../testing/marketplace-test-app';

const CREATE_RESULT = `mutation ($input: CreateResultInput!) { createResult(input: $input) { ${RESULT_FIELDS} } }`;
const SUBMIT_RESULT = `mutation ($id: ID!) { submitResult(id: $id) { id status } }`;
const CLOSE_RESULT = `mutation ($id: ID!) { closeResult(id: $id) { id status } }`;
const RESULT = `query ($id: ID!) { result(id: $id) { ${RESULT_FIELDS} } }`;
const RESULTS = `query ($filter: ResultFilter) { results(filter: $filter) { totalCount edges { node { id trl askingPrice openLicense contact { name } } } } }`;
const CREATE_EXPERT = `mutation ($input: CreateExpertInput!) { createExpert(input: $input) { ${EXPERT_FIELDS} } }`;
const UPDATE_EXPERT = `mutation ($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id status title } }`;
const SUBMIT_EXPERT = `mutation ($id: ID!) { submitExpert(id: $id) { id status } }`;
const CLOSE_EXPERT = `mutation ($id: ID!) { closeExpert(id: $id) { id status } }`;
const EXPERTS = `query ($filter: ExpertFilter) { experts(filter: $filter) { totalCount edges { node { id name fields contact { name } } } } }`;
const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }`;
const SUBMIT_NEED = `mutation ($id: ID!) { submitNeed(id: $id) { id status } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename ... on Result { status } ... on Expert { status } ... on Need { status } } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectListing(id: $id, reason: $reason) { __typename ... on Result { status rejectionReason } } }`;
const QUEUE = `query ($first: Int, $after: String) {
  reviewQueue(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { __typename ... on Need { id contact { name } } ... on Result { id } ... on Expert { id } } }
  }
}`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename ... on Need { id status contact { name } } ... on Result { id status } ... on Expert { id name }
  }
}`;

interface Listing {
  id: string;
  status: string;
  contact: { name: string } | null;
}

describe('results, experts and moderation (real service, real PostgreSQL)', () => {
  let marketplace: RunningMarketplace;
  let researcher: TestUser;
  let enterprise: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    researcher = await marketplace.user(Role.RESEARCHER);
    enterprise = await marketplace.user(Role.ENTERPRISE);
    admin = await marketplace.user(Role.ADMIN);
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  async function publish(submit: string, id: string, owner: TestUser): Promise<void> {
    expect((await marketplace.request(submit, { id }, owner)).errors).toBeUndefined();
    expect((await marketplace.request(APPROVE, { id }, admin)).errors).toBeUndefined();
  }

  it('runs a result through review to the public list, with filters', async () => {
    const created = await marketplace.request<{ createResult: Listing & { patentNumbers: string[] } }>(
      CREATE_RESULT,
      { input: resultInput({ patentNumbers: ['CN 201710601862.3'], openLicense: true, openLicenseTerms: '非独占许可，许可期三年，年费五万元' }) },
      researcher,
    );
    expect(created.errors).toBeUndefined();
    const result = must(created.data).createResult;
    expect(result).toMatchObject({ status: 'DRAFT', patentNumbers: ['CN201710601862.3'] });
    expect((await marketplace.request(CREATE_RESULT, { input: resultInput() }, enterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await publish(SUBMIT_RESULT, result.id, researcher);
    const publicView = await marketplace.request<{ result: Listing }>(RESULT, { id: result.id });
    expect(publicView.data?.result).toMatchObject({ status: 'PUBLISHED', contact: null });

    const filtered = await marketplace.request<{ results: { totalCount: number; edges: { node: { id: string } }[] } }>(RESULTS, {
      filter: { minTrl: 5, maxTrl: 7, openLicense: true, minPrice: 500000, maxPrice: 900000, cooperationMode: 'LICENSE', industry: 'NEW_ENERGY' },
    });
    expect(filtered.data?.results.edges.map((edge) => edge.node.id)).toEqual([result.id]);
    const none = await marketplace.request<{ results: { totalCount: number } }>(RESULTS, { filter: { minTrl: 8 } });
    expect(none.data?.results.totalCount).toBe(0);

    const rejected = await marketplace.request<{ rejectListing: { status: string; rejectionReason: string } }>(
      REJECT,
      { id: result.id, reason: '专利权属证明缺失，请补充' },
      admin,
    );
    expect(rejected.data?.rejectListing).toEqual({ __typename: 'Result', status: 'REJECTED', rejectionReason: '专利权属证明缺失，请补充' });
    expect((await marketplace.request(RESULT, { id: result.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await marketplace.request(CLOSE_RESULT, { id: result.id }, researcher)).errors).toBeUndefined();
  });

  it('keeps one expert profile per researcher and publishes it through review', async () => {
    const owner = await marketplace.user(Role.RESEARCHER);
    const created = await marketplace.request<{ createExpert: Listing }>(CREATE_EXPERT, { input: expertInput() }, owner);
    expect(created.errors).toBeUndefined();
    const expert = must(created.data).createExpert;
    const second = await marketplace.request(CREATE_EXPERT, { input: expertInput({ name: '另一个我' }) }, owner);
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0]?.message).toContain(expert.id);
    expect((await marketplace.request(CREATE_EXPERT, { input: expertInput() }, enterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const updated = await marketplace.request<{ updateExpert: { title: string } }>(UPDATE_EXPERT, { id: expert.id, input: { title: '研究员' } }, owner);
    expect(updated.data?.updateExpert.title).toBe('研究员');
    await publish(SUBMIT_EXPERT, expert.id, owner);

    const byField = await marketplace.request<{ experts: { edges: { node: { id: string; contact: unknown } }[] } }>(EXPERTS, {
      filter: { field: '功能纤维', regionCode: '330000' },
    });
    expect(byField.data?.experts.edges).toEqual([{ node: { id: expert.id, name: '张教授', fields: ['纺织材料', '功能纤维'], contact: null } }]);

    expect((await marketplace.request(CLOSE_EXPERT, { id: expert.id }, owner)).errors).toBeUndefined();
    const fresh = await marketplace.request<{ createExpert: Listing }>(CREATE_EXPERT, { input: expertInput() }, owner);
    expect(fresh.data?.createExpert.status).toBe('DRAFT');
  });

  it('lists everything waiting for review, across kinds, oldest first, to administrators only', async () => {
    const need = await marketplace.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() }, enterprise);
    const result = await marketplace.request<{ createResult: { id: string } }>(CREATE_RESULT, { input: resultInput() }, researcher);
    const expertOwner = await marketplace.user(Role.RESEARCHER);
    const expert = await marketplace.request<{ createExpert: { id: string } }>(CREATE_EXPERT, { input: expertInput() }, expertOwner);
    await marketplace.request(SUBMIT_RESULT, { id: must(result.data).createResult.id }, researcher);
    await marketplace.request(SUBMIT_NEED, { id: must(need.data).createNeed.id }, enterprise);
    await marketplace.request(SUBMIT_EXPERT, { id: must(expert.data).createExpert.id }, expertOwner);

    const ids: string[] = [];
    const kinds: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: {
        data?: { reviewQueue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { __typename: string; id: string } }[] } } | null;
      } = await marketplace.request(QUEUE, { first: 2, after }, admin);
      total = must(page.data).reviewQueue.totalCount;
      ids.push(...must(page.data).reviewQueue.edges.map((edge) => edge.node.id));
      kinds.push(...must(page.data).reviewQueue.edges.map((edge) => edge.node.__typename));
      after = must(page.data).reviewQueue.pageInfo.hasNextPage ? must(page.data).reviewQueue.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(3);
    expect(ids).toEqual([must(result.data).createResult.id, must(need.data).createNeed.id, must(expert.data).createExpert.id]);
    expect(kinds).toEqual(['Result', 'Need', 'Expert']);

    expect((await marketplace.request(QUEUE, {}, enterprise)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await marketplace.request(QUEUE, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('resolves federation references in one batch, with the visibility rules', async () => {
    const owner = await marketplace.user(Role.ENTERPRISE);
    const published = await marketplace.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() }, owner);
    const draft = await marketplace.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() }, owner);
    await publish(SUBMIT_NEED, must(published.data).createNeed.id, owner);
    const representations = [
      { __typename: 'Need', id: must(published.data).createNeed.id },
      { __typename: 'Need', id: must(draft.data).createNeed.id },
      { __typename: 'Need', id: '00000000-0000-4000-8000-000000000000' },
    ];

    const anonymous = await marketplace.request<{ _entities: (Listing | null)[] }>(ENTITIES, { representations });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?._entities).toEqual([
      { __typename: 'Need', id: must(published.data).createNeed.id, status: 'PUBLISHED', contact: null },
      null,
      null,
    ]);
    const asOwner = await marketplace.request<{ _entities: (Listing | null)[] }>(ENTITIES, { representations }, owner);
    expect(asOwner.data?._entities.map((entity) => entity?.status ?? null)).toEqual(['PUBLISHED', 'DRAFT', null]);
    expect(asOwner.data?._entities[0]?.contact).toEqual({ name: '王工' });

    const badToken = await marketplace.request(ENTITIES, { representations }, 'not-a-token');
    expect(badToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
