import { Role } from '@ttm/auth';
import { setClock } from '@ttm/clock';
import { APPLICATION_FIELDS, applicationInput, challengeInput } from './challenge/challenge-fixtures';
import { patentCheckCharacter, patentNumberProblem } from './listing/patent-number';
import { needInput } from './testing/fixtures';
import { RunningMarketplace, startMarketplace, TestUser, must } from './testing/marketplace-test-app';

const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id deadline } }`;
const SUBMIT_NEED = `mutation ($id: ID!) { submitNeed(id: $id) { id status } }`;
const CREATE_CHALLENGE = `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`;
const PUBLISH = `mutation ($id: ID!) { publishChallenge(id: $id) { id status } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename } }`;
const STAGE = `query ($id: ID!) { challenge(id: $id) { id stage } }`;
const APPLY = `mutation ($input: ApplyToChallengeInput!) { applyToChallenge(input: $input) { ${APPLICATION_FIELDS} } }`;

/** 01:00 on 10 March 2030 in China, which is 17:00 UTC on 9 March: the UTC date is still "yesterday". */
const ONE_AM_IN_CHINA = new Date('2030-03-09T17:00:00Z');
const TODAY = '2030-03-10';
const TOMORROW = '2030-03-11';
/** 20:00 on 9 March in China, the evening before. */
const EVENING_BEFORE = new Date('2030-03-09T12:00:00Z');

/**
 * Issue 11, finding 5: every date rule reads today from the one China clock (@ttm/clock). Run at 01:00 China
 * time, today is China's date, not UTC's: a deadline or a milestone due today is refused and tomorrow
 * accepted; a window that closed at 00:30 China time is closed.
 */
describe('marketplace date rules at 01:00 China time (real service, real PostgreSQL)', () => {
  let marketplace: RunningMarketplace;
  let enterprise: TestUser;
  let researcher: TestUser;
  let admin: TestUser;
  let restoreClock: (() => void) | undefined;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    enterprise = await marketplace.user(Role.ENTERPRISE);
    researcher = await marketplace.user(Role.RESEARCHER);
    admin = await marketplace.user(Role.ADMIN);
  });

  afterEach(() => restoreClock?.());

  afterAll(async () => {
    await marketplace?.close();
  });

  async function ok<T>(document: string, variables: Record<string, unknown>, user: TestUser): Promise<T> {
    const { data, errors } = await marketplace.request<T>(document, variables, user);
    expect(errors).toBeUndefined();
    return must(data);
  }

  async function badInput(document: string, variables: Record<string, unknown>, user: TestUser): Promise<string> {
    const { errors } = await marketplace.request(document, variables, user);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return errors?.[0]?.message ?? '';
  }

  async function publishedChallenge(closesAt: string): Promise<string> {
    const input = challengeInput({ applicationOpensAt: '2030-03-01T09:00:00+08:00', applicationClosesAt: closesAt, deliveryMonths: 12 });
    const { createChallenge } = await ok<{ createChallenge: { id: string } }>(CREATE_CHALLENGE, { input }, enterprise);
    await ok(PUBLISH, { id: createChallenge.id }, enterprise);
    await ok(APPROVE, { id: createChallenge.id }, admin);
    return createChallenge.id;
  }

  it("takes a need's deadline of today (China) as passed and tomorrow as future, when created and when submitted", async () => {
    restoreClock = setClock(ONE_AM_IN_CHINA);
    expect(await badInput(CREATE_NEED, { input: needInput({ deadline: TODAY }) }, enterprise)).toMatch(/deadline: must be a date after today/);
    const { createNeed } = await ok<{ createNeed: { id: string; deadline: string } }>(CREATE_NEED, { input: needInput({ deadline: TOMORROW }) }, enterprise);
    expect(createNeed.deadline).toBe(TOMORROW);

    // Written the day before with today's date as deadline: submitting it now is refused.
    await marketplace.sql(`UPDATE marketplace.needs SET deadline = $2 WHERE id = $1`, [createNeed.id, TODAY]);
    expect(await badInput(SUBMIT_NEED, { id: createNeed.id }, enterprise)).toMatch(`deadline: ${TODAY} has passed`);
    await marketplace.sql(`UPDATE marketplace.needs SET deadline = $2 WHERE id = $1`, [createNeed.id, TOMORROW]);
    expect((await ok<{ submitNeed: { status: string } }>(SUBMIT_NEED, { id: createNeed.id }, enterprise)).submitNeed.status).toBe('PENDING_REVIEW');
  });

  it('refuses a milestone due today (China) and accepts one due tomorrow, in a window that closes tonight', async () => {
    restoreClock = setClock(ONE_AM_IN_CHINA);
    const challengeId = await publishedChallenge(`${TODAY}T23:59:59+08:00`);
    const plan = (firstDue: string) => [
      { title: '样机研制', deliverable: '检测样机一套及实验室测试报告', dueDate: firstDue, sharePercent: 40 },
      { title: '现场验收', deliverable: '4台机试点运行报告及第三方检测报告', dueDate: '2030-09-30', sharePercent: 60 },
    ];
    expect(await badInput(APPLY, { input: applicationInput(challengeId, { milestones: plan(TODAY) }) }, researcher)).toBe(
      `milestones[0].dueDate: ${TODAY} is not after today`,
    );
    const { applyToChallenge } = await ok<{ applyToChallenge: { status: string } }>(APPLY, { input: applicationInput(challengeId, { milestones: plan(TOMORROW) }) }, researcher);
    expect(applyToChallenge.status).toBe('SUBMITTED');
  });

  it('closes a window that ended at 00:30 China time and indexes its deadline as that China date', async () => {
    restoreClock = setClock(EVENING_BEFORE);
    const challengeId = await publishedChallenge(`${TODAY}T00:30:00+08:00`);
    expect((await ok<{ challenge: { stage: string } }>(STAGE, { id: challengeId }, researcher)).challenge.stage).toBe('OPEN');
    const [event] = await marketplace.sql<{ payload: { document: { deadline: string } } }>(
      `SELECT payload FROM marketplace.outbox WHERE aggregate_id = $1 ORDER BY seq DESC LIMIT 1`,
      [challengeId],
    );
    // 00:30 on the 10th in China is 16:30 UTC on the 9th.
    expect(event.payload.document.deadline).toBe(TODAY);

    restoreClock();
    restoreClock = setClock(ONE_AM_IN_CHINA);
    expect((await ok<{ challenge: { stage: string } }>(STAGE, { id: challengeId }, researcher)).challenge.stage).toBe('REVIEWING');
    const { errors } = await marketplace.request(APPLY, { input: applicationInput(challengeId) }, researcher);
    expect(errors?.[0]).toMatchObject({ message: 'Cannot apply: the application window closed at 2030-03-09T16:30:00.000Z', extensions: { code: 'CONFLICT' } });
  });

  it("accepts a patent number of this year in China at 01:00 on 1 January, while it is still last year in UTC", () => {
    restoreClock = setClock(new Date('2030-12-31T17:00:00Z'));
    const numberOf = (year: number) => `ZL${year}1${'0601862'}.${patentCheckCharacter(`${year}10601862`)}`;
    expect(patentNumberProblem(numberOf(2031))).toBeNull();
    expect(patentNumberProblem(numberOf(2032))).toBe('YEAR');
  });
});
