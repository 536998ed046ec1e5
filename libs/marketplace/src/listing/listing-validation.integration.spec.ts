import { Role } from '@ttm/auth';
import { expertInput, needInput, resultInput } from '../testing/fixtures';
import { RunningMarketplace, startMarketplace, TestUser, must } from '../testing/marketplace-test-app';

const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id status } }`;
const UPDATE_NEED = `mutation ($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id status version budgetMin budgetMax } }`;
const SUBMIT_NEED = `mutation ($id: ID!) { submitNeed(id: $id) { id status } }`;
const CREATE_RESULT = `mutation ($input: CreateResultInput!) { createResult(input: $input) { id status } }`;
const UPDATE_RESULT = `mutation ($id: ID!, $input: UpdateResultInput!) { updateResult(id: $id, input: $input) { id } }`;
const CREATE_EXPERT = `mutation ($input: CreateExpertInput!) { createExpert(input: $input) { id status } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename } }`;

describe('bad input is refused with BAD_USER_INPUT and writes nothing', () => {
  let marketplace: RunningMarketplace;
  let enterprise: TestUser;
  let researcher: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    enterprise = await marketplace.user(Role.ENTERPRISE);
    researcher = await marketplace.user(Role.RESEARCHER);
    admin = await marketplace.user(Role.ADMIN);
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  async function counts(): Promise<Record<string, number>> {
    return {
      need: await marketplace.count('needs'),
      result: await marketplace.count('results'),
      expert: await marketplace.count('experts'),
      outbox: await marketplace.count('outbox'),
    };
  }

  /** Runs a mutation that must fail with BAD_USER_INPUT naming `field`, and checks no row changed. */
  async function expectRefused(document: string, variables: Record<string, unknown>, user: TestUser, field: string): Promise<void> {
    const before = await counts();
    const { data, errors } = await marketplace.request(document, variables, user);
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain(field);
    expect(await counts()).toEqual(before);
  }

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative budget', { budgetMin: -1000 }, 'budgetMin'],
    ['an inverted budget', { budgetMin: 500000, budgetMax: 100000 }, 'budgetMax'],
    ['an over-long title', { title: '标'.repeat(81) }, 'title'],
    ['an unknown industry', { industry: 'CRYPTO' }, 'industry'],
    ['an unknown region', { regionCode: '123456' }, 'regionCode'],
    ['a deadline in the past', { deadline: '2021-06-01' }, 'deadline'],
    ['a mobile number with a digit missing', { contact: { name: '王工', phone: '1380013800', email: 'wang@example.com' } }, 'phone'],
    ['eleven keywords', { keywords: Array.from({ length: 11 }, (_, i) => `词${i}`) }, 'keywords'],
    ['a minimum TRL of 10', { minTrl: 10 }, 'minTrl'],
  ])('createNeed with %s', async (_case, overrides, field) => {
    await expectRefused(CREATE_NEED, { input: needInput(overrides) }, enterprise, field);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['TRL 0', { trl: 0 }, 'trl'],
    ['TRL 10', { trl: 10 }, 'trl'],
    ['a patent number with a wrong check digit', { patentNumbers: ['ZL201710601862.5'] }, 'patentNumbers'],
    ['a patent number in the wrong format', { patentNumbers: ['2017106018623'] }, 'patentNumbers'],
    ['a negative asking price', { askingPrice: -1 }, 'askingPrice'],
    ['an over-long title', { title: '果'.repeat(81) }, 'title'],
    ['an unknown industry', { industry: 'CRYPTO' }, 'industry'],
    ['an open licence without terms', { openLicense: true, openLicenseTerms: null }, 'openLicenseTerms'],
  ])('createResult with %s', async (_case, overrides, field) => {
    await expectRefused(CREATE_RESULT, { input: resultInput(overrides) }, researcher, field);
  });

  it('createExpert with an unknown industry or no research field', async () => {
    await expectRefused(CREATE_EXPERT, { input: expertInput({ industry: 'CRYPTO' }) }, researcher, 'industry');
    await expectRefused(CREATE_EXPERT, { input: expertInput({ fields: [] }) }, researcher, 'fields');
  });

  it('checks updates against the stored listing and leaves it (and the outbox) untouched', async () => {
    const created = await marketplace.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() }, enterprise);
    const id = must(created.data).createNeed.id;
    await marketplace.request(SUBMIT_NEED, { id }, enterprise);
    await marketplace.request(APPROVE, { id }, admin);
    const [before] = await marketplace.sql<{ version: number; status: string }>('SELECT version, status FROM marketplace.needs WHERE id = $1', [id]);

    await expectRefused(UPDATE_NEED, { id, input: { budgetMin: 900000 } }, enterprise, 'budgetMax');
    await expectRefused(UPDATE_NEED, { id, input: { budgetMax: -1 } }, enterprise, 'budgetMax');
    await expectRefused(UPDATE_NEED, { id, input: { title: null } }, enterprise, 'title');
    await expectRefused(UPDATE_NEED, { id, input: { industry: 'CRYPTO' } }, enterprise, 'industry');

    const [after] = await marketplace.sql<{ version: number; status: string }>('SELECT version, status FROM marketplace.needs WHERE id = $1', [id]);
    expect(after).toEqual(before);
    expect(after.status).toBe('PUBLISHED');
  });

  it('refuses to switch on an open licence without terms', async () => {
    const created = await marketplace.request<{ createResult: { id: string } }>(CREATE_RESULT, { input: resultInput() }, researcher);
    await expectRefused(UPDATE_RESULT, { id: must(created.data).createResult.id, input: { openLicense: true } }, researcher, 'openLicenseTerms');
  });

  it('refuses to submit a need whose deadline has passed since it was written', async () => {
    const created = await marketplace.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() }, enterprise);
    const id = must(created.data).createNeed.id;
    await marketplace.sql(`UPDATE marketplace.needs SET deadline = '2020-01-01' WHERE id = $1`, [id]);
    const { errors } = await marketplace.request(SUBMIT_NEED, { id }, enterprise);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('deadline');
    const [row] = await marketplace.sql<{ status: string }>('SELECT status FROM marketplace.needs WHERE id = $1', [id]);
    expect(row.status).toBe('DRAFT');
  });

  it('answers NOT_FOUND for ids that are not listings', async () => {
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const { errors } = await marketplace.request(UPDATE_NEED, { id, input: { title: '给不存在的需求改标题' } }, enterprise);
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await marketplace.request(APPROVE, { id }, admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});
