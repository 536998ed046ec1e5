import { Role } from '@ttm/auth';
import { RunningMarketplace, startMarketplace, TestUser, must } from '../testing/marketplace-test-app';
import { APPLICATION_FIELDS, applicationInput, CHALLENGE_FIELDS, challengeInput } from './challenge-fixtures';

const CREATE = `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { ${CHALLENGE_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateChallengeInput!) { updateChallenge(id: $id, input: $input) { ${CHALLENGE_FIELDS} } }`;
const PUBLISH = `mutation ($id: ID!) { publishChallenge(id: $id) { id status stage } }`;
const CANCEL = `mutation ($id: ID!) { cancelChallenge(id: $id) { id status stage } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename ... on Challenge { id status stage publishedAt } } }`;
const CHALLENGE = `query ($id: ID!) { challenge(id: $id) { ${CHALLENGE_FIELDS} } }`;
const CHALLENGES = `query ($filter: ChallengeFilter, $first: Int, $after: String) {
  challenges(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id stage bounty contact { name } } } }
}`;
const APPLY = `mutation ($input: ApplyToChallengeInput!) { applyToChallenge(input: $input) { ${APPLICATION_FIELDS} } }`;
const SCORE = `mutation ($input: ScoreApplicationInput!) { scoreApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const SHORTLIST = `mutation ($id: ID!) { shortlistApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
const REJECT_APPLICATION = `mutation ($id: ID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { ${APPLICATION_FIELDS} } }`;
const AWARD = `mutation ($challengeId: ID!, $applicationId: ID!) { awardChallenge(challengeId: $challengeId, applicationId: $applicationId) { ${APPLICATION_FIELDS} } }`;
const SUBMIT_MILESTONE = `mutation ($id: ID!, $deliverable: String!) { submitMilestone(id: $id, deliverable: $deliverable) { ${APPLICATION_FIELDS} } }`;
const ACCEPT_MILESTONE = `mutation ($id: ID!) { acceptMilestone(id: $id) { ${APPLICATION_FIELDS} } }`;
const REWORK = `mutation ($id: ID!, $reason: String!) { requestMilestoneRework(id: $id, reason: $reason) { ${APPLICATION_FIELDS} } }`;
const MY_APPLICATIONS = `query ($filter: ApplicationFilter) { myApplications(filter: $filter) { totalCount edges { node { ${APPLICATION_FIELDS} } } } }`;
const FOR_CHALLENGE = `query ($challengeId: ID!, $filter: ApplicationFilter, $first: Int, $after: String) {
  applicationsForChallenge(challengeId: $challengeId, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${APPLICATION_FIELDS} } }
  }
}`;
const APPLICATION = `query ($id: ID!) { challengeApplication(id: $id) { ${APPLICATION_FIELDS} } }`;

interface ChallengeView {
  id: string;
  status: string;
  stage: string | null;
  version: number;
  contact: { name: string } | null;
}

interface MilestoneView {
  id: string;
  sequence: number;
  isFinal: boolean;
  status: string;
  amount: number;
  submission: string | null;
  reworkNote: string | null;
  paidAt: string | null;
}

interface ApplicationView {
  id: string;
  status: string;
  quote: number;
  rejectionReason: string | null;
  applicant: { id: string };
  scoreSheets: { reviewer: { id: string }; items: { indicator: string; score: number }[]; total: number; comment: string | null }[];
  averageScore: number | null;
  milestones: MilestoneView[];
  challenge: { id: string; stage: string | null } | null;
}

type Snapshot = Record<string, unknown>[];

describe('揭榜挂帅 challenges over GraphQL (real service, real PostgreSQL)', () => {
  let marketplace: RunningMarketplace;
  let enterprise: TestUser;
  let otherEnterprise: TestUser;
  let researcherA: TestUser;
  let researcherB: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    enterprise = await marketplace.user(Role.ENTERPRISE);
    otherEnterprise = await marketplace.user(Role.ENTERPRISE);
    researcherA = await marketplace.user(Role.RESEARCHER);
    researcherB = await marketplace.user(Role.RESEARCHER);
    admin = await marketplace.user(Role.ADMIN);
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  async function ok<T>(document: string, variables: Record<string, unknown>, user?: TestUser): Promise<T> {
    const { data, errors } = await marketplace.request<T>(document, variables, user);
    expect(errors).toBeUndefined();
    return must(data);
  }

  async function refused(document: string, variables: Record<string, unknown>, user: TestUser | undefined, code: string): Promise<string> {
    const { errors } = await marketplace.request(document, variables, user);
    expect(errors?.[0]?.extensions?.code).toBe(code);
    return errors?.[0]?.message ?? '';
  }

  /** Everything the challenge tables hold about one challenge, to prove a refusal wrote nothing. */
  async function snapshot(challengeId: string): Promise<Snapshot> {
    return marketplace.sql(
      `SELECT 'c' AS t, to_jsonb(c) AS row FROM marketplace.challenges c WHERE id = $1
       UNION ALL SELECT 'a', to_jsonb(a) FROM marketplace.challenge_applications a WHERE challenge_id = $1
       UNION ALL SELECT 's', to_jsonb(s) FROM marketplace.challenge_application_scores s
         JOIN marketplace.challenge_applications a ON a.id = s.application_id WHERE a.challenge_id = $1
       UNION ALL SELECT 'm', to_jsonb(m) FROM marketplace.challenge_milestones m
         JOIN marketplace.challenge_applications a ON a.id = m.application_id WHERE a.challenge_id = $1
       ORDER BY 1, 2`,
      [challengeId],
    );
  }

  /** Time passes: the application window closed a second ago. */
  async function closeWindow(challengeId: string): Promise<void> {
    await marketplace.sql(
      `UPDATE marketplace.challenges SET application_opens_at = now() - interval '2 days', application_closes_at = now() - interval '1 second' WHERE id = $1`,
      [challengeId],
    );
  }

  async function publishedChallenge(owner: TestUser = enterprise, overrides: Record<string, unknown> = {}): Promise<ChallengeView> {
    const created = (await ok<{ createChallenge: ChallengeView }>(CREATE, { input: challengeInput(overrides) }, owner)).createChallenge;
    await ok(PUBLISH, { id: created.id }, owner);
    await ok(APPROVE, { id: created.id }, admin);
    return created;
  }

  async function apply(challengeId: string, researcher: TestUser, overrides: Record<string, unknown> = {}): Promise<ApplicationView> {
    return (await ok<{ applyToChallenge: ApplicationView }>(APPLY, { input: applicationInput(challengeId, overrides) }, researcher)).applyToChallenge;
  }

  it('tells the whole story: publish → approve → two teams apply → score → shortlist → award → milestones → COMPLETED', async () => {
    const created = (await ok<{ createChallenge: ChallengeView & { owner: { id: string } } }>(CREATE, { input: challengeInput() }, enterprise))
      .createChallenge;
    expect(created).toMatchObject({ status: 'DRAFT', stage: null, owner: { id: enterprise.id } });
    const submitted = await ok<{ publishChallenge: ChallengeView }>(PUBLISH, { id: created.id }, enterprise);
    expect(submitted.publishChallenge).toMatchObject({ status: 'PENDING_REVIEW', stage: null });
    expect((await marketplace.request(CHALLENGE, { id: created.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const approved = await ok<{ approveListing: ChallengeView & { __typename: string } }>(APPROVE, { id: created.id }, admin);
    expect(approved.approveListing).toMatchObject({ __typename: 'Challenge', status: 'PUBLISHED', stage: 'OPEN' });

    // Public, without contact, and in the outbox for the search index as kind CHALLENGE.
    const publicView = await ok<{ challenge: ChallengeView }>(CHALLENGE, { id: created.id });
    expect(publicView.challenge).toMatchObject({ status: 'PUBLISHED', stage: 'OPEN', contact: null });
    const open = await ok<{ challenges: { edges: { node: { id: string } }[] } }>(CHALLENGES, { filter: { stage: 'OPEN' } });
    expect(open.challenges.edges.map((edge) => edge.node.id)).toContain(created.id);
    const [event] = await marketplace.sql<{ type: string; payload: { document: { kind: string; bounty: number; title: string } } }>(
      `SELECT type, payload FROM marketplace.outbox WHERE aggregate_id = $1 ORDER BY seq`,
      [created.id],
    );
    expect(event).toMatchObject({ type: 'listing.upserted', payload: { document: { kind: 'CHALLENGE', bounty: 1_000_000 } } });

    // Two teams apply; a second application by the same researcher is refused.
    const a = await apply(created.id, researcherA);
    const b = await apply(created.id, researcherB, { teamName: '东华大学纺织装备团队', quote: 800_000 });
    expect(a).toMatchObject({ status: 'SUBMITTED', applicant: { id: researcherA.id }, scoreSheets: [], milestones: [], challenge: { id: created.id, stage: 'OPEN' } });
    expect(await refused(APPLY, { input: applicationInput(created.id) }, researcherA, 'CONFLICT')).toContain(a.id);

    // Two reviewers score; each sheet is kept, and scoring again replaces one's own sheet.
    await ok(SCORE, { input: { applicationId: a.id, scores: [6, 7], comment: '路线可行' } }, enterprise);
    await ok(SCORE, { input: { applicationId: a.id, scores: [9, 8], comment: '路线可行，样机基础好' } }, enterprise);
    const scored = (await ok<{ scoreApplication: ApplicationView }>(SCORE, { input: { applicationId: a.id, scores: [8, 8] } }, admin)).scoreApplication;
    expect(scored.scoreSheets).toEqual([
      { reviewer: { id: enterprise.id }, items: [{ indicator: '检出率', score: 9 }, { indicator: '响应时间', score: 8 }], total: 17, comment: '路线可行，样机基础好' },
      { reviewer: { id: admin.id }, items: [{ indicator: '检出率', score: 8 }, { indicator: '响应时间', score: 8 }], total: 16, comment: null },
    ]);
    expect(scored.averageScore).toBe(16.5);
    await ok(SCORE, { input: { applicationId: b.id, scores: [6, 5] } }, enterprise);
    // The team sees its application but not the reviewers' sheets.
    const asApplicant = (await ok<{ challengeApplication: ApplicationView }>(APPLICATION, { id: a.id }, researcherA)).challengeApplication;
    expect(asApplicant).toMatchObject({ scoreSheets: [], averageScore: null });

    await ok(SHORTLIST, { id: a.id }, enterprise);
    await ok(SHORTLIST, { id: b.id }, enterprise);
    expect(await refused(AWARD, { challengeId: created.id, applicationId: a.id }, enterprise, 'CONFLICT')).toContain('before the application window closes');

    await closeWindow(created.id);
    expect((await ok<{ challenge: ChallengeView }>(CHALLENGE, { id: created.id })).challenge.stage).toBe('REVIEWING');
    const late = await marketplace.user(Role.RESEARCHER);
    expect(await refused(APPLY, { input: applicationInput(created.id) }, late, 'CONFLICT')).toContain('window closed');

    const awarded = (await ok<{ awardChallenge: ApplicationView }>(AWARD, { challengeId: created.id, applicationId: a.id }, enterprise)).awardChallenge;
    expect(awarded).toMatchObject({ status: 'AWARDED', challenge: { stage: 'AWARDED' } });
    expect(awarded.milestones.map(({ sequence, isFinal, status, amount, paidAt }) => ({ sequence, isFinal, status, amount, paidAt }))).toEqual([
      { sequence: 1, isFinal: false, status: 'PENDING', amount: 360_000, paidAt: null },
      { sequence: 2, isFinal: true, status: 'PENDING', amount: 540_000, paidAt: null },
    ]);
    // Single winner: the other team is told, and neither a second winner nor the same one twice is possible.
    const other = (await ok<{ challengeApplication: ApplicationView }>(APPLICATION, { id: b.id }, researcherB)).challengeApplication;
    expect(other).toMatchObject({ status: 'REJECTED', rejectionReason: '本榜揭榜名额已满，感谢参与' });
    const beforeDoubleAward = await snapshot(created.id);
    await refused(AWARD, { challengeId: created.id, applicationId: a.id }, enterprise, 'CONFLICT');
    await refused(AWARD, { challengeId: created.id, applicationId: b.id }, enterprise, 'CONFLICT');
    expect(await snapshot(created.id)).toEqual(beforeDoubleAward);

    // Milestones: in order, rework, paid once on acceptance.
    const [first, final] = awarded.milestones;
    expect(await refused(SUBMIT_MILESTONE, { id: final.id, deliverable: '现场运行报告' }, researcherA, 'CONFLICT')).toContain('PENDING, not ACCEPTED');
    await refused(ACCEPT_MILESTONE, { id: first.id }, enterprise, 'CONFLICT');
    await ok(SUBMIT_MILESTONE, { id: first.id, deliverable: '样机及实验室测试报告 No.2027-018' }, researcherA);
    await refused(SUBMIT_MILESTONE, { id: first.id, deliverable: '重复提交同一个里程碑' }, researcherA, 'CONFLICT');
    const reworked = (await ok<{ requestMilestoneRework: ApplicationView }>(REWORK, { id: first.id, reason: '缺少误停率数据，请补测' }, enterprise))
      .requestMilestoneRework;
    expect(reworked.milestones[0]).toMatchObject({ status: 'REWORK_REQUESTED', reworkNote: '缺少误停率数据，请补测', paidAt: null });
    await ok(SUBMIT_MILESTONE, { id: first.id, deliverable: '补测误停率后的实验室测试报告 No.2027-021' }, researcherA);
    const paid = (await ok<{ acceptMilestone: ApplicationView }>(ACCEPT_MILESTONE, { id: first.id }, enterprise)).acceptMilestone;
    expect(paid.milestones[0]).toMatchObject({ status: 'ACCEPTED', submission: '补测误停率后的实验室测试报告 No.2027-021' });
    expect(paid.milestones[0].paidAt).not.toBeNull();
    const beforeSecondPayment = await snapshot(created.id);
    expect(await refused(ACCEPT_MILESTONE, { id: first.id }, enterprise, 'CONFLICT')).toContain('already accepted and paid');
    expect(await snapshot(created.id)).toEqual(beforeSecondPayment);

    await ok(SUBMIT_MILESTONE, { id: final.id, deliverable: '4台机试点运行报告及第三方检测报告' }, researcherA);
    const done = (await ok<{ acceptMilestone: ApplicationView }>(ACCEPT_MILESTONE, { id: final.id }, admin)).acceptMilestone;
    expect(done.challenge?.stage).toBe('COMPLETED');
    expect(done.milestones.every((milestone) => milestone.status === 'ACCEPTED' && milestone.paidAt)).toBe(true);
    const [payments] = await marketplace.sql<{ paid: number }>(
      `SELECT sum(amount)::int AS paid FROM marketplace.challenge_milestones WHERE application_id = $1 AND paid_at IS NOT NULL`,
      [a.id],
    );
    expect(payments.paid).toBe(900_000);
    await refused(SCORE, { input: { applicationId: b.id, scores: [1, 1] } }, enterprise, 'CONFLICT');

    const mine = await ok<{ myApplications: { totalCount: number; edges: { node: ApplicationView }[] } }>(MY_APPLICATIONS, {}, researcherA);
    expect(mine.myApplications.edges.map((edge) => [edge.node.id, edge.node.status])).toEqual([[a.id, 'AWARDED']]);
    const listed = await ok<{ applicationsForChallenge: { totalCount: number; edges: { node: ApplicationView }[] } }>(
      FOR_CHALLENGE,
      { challengeId: created.id, first: 1 },
      enterprise,
    );
    expect(listed.applicationsForChallenge.totalCount).toBe(2);
    expect(listed.applicationsForChallenge.edges).toHaveLength(1);
    const completed = await ok<{ challenges: { edges: { node: { id: string } }[] } }>(CHALLENGES, { filter: { stage: 'COMPLETED' } });
    expect(completed.challenges.edges.map((edge) => edge.node.id)).toEqual([created.id]);
  });

  it('refuses every forbidden move with FORBIDDEN, BAD_USER_INPUT or CONFLICT and writes nothing', async () => {
    const challenge = await publishedChallenge();
    const a = await apply(challenge.id, researcherA);
    const untouched = await snapshot(challenge.id);

    // Who may do what.
    await refused(APPLY, { input: applicationInput(challenge.id) }, otherEnterprise, 'FORBIDDEN');
    await refused(APPLY, { input: applicationInput(challenge.id) }, undefined, 'UNAUTHENTICATED');
    await refused(SCORE, { input: { applicationId: a.id, scores: [5, 5] } }, researcherB, 'FORBIDDEN');
    await refused(SCORE, { input: { applicationId: a.id, scores: [5, 5] } }, researcherA, 'FORBIDDEN');
    await refused(SCORE, { input: { applicationId: a.id, scores: [5, 5] } }, otherEnterprise, 'FORBIDDEN');
    await refused(SHORTLIST, { id: a.id }, otherEnterprise, 'FORBIDDEN');
    await refused(REJECT_APPLICATION, { id: a.id, reason: '不符合申报条件' }, researcherA, 'FORBIDDEN');
    await refused(AWARD, { challengeId: challenge.id, applicationId: a.id }, otherEnterprise, 'FORBIDDEN');
    await refused(FOR_CHALLENGE, { challengeId: challenge.id }, otherEnterprise, 'FORBIDDEN');
    await refused(FOR_CHALLENGE, { challengeId: challenge.id }, researcherA, 'FORBIDDEN');
    await refused(MY_APPLICATIONS, {}, enterprise, 'FORBIDDEN');
    await refused(APPLICATION, { id: a.id }, researcherB, 'NOT_FOUND');
    await refused(CANCEL, { id: challenge.id }, otherEnterprise, 'FORBIDDEN');
    await refused(CREATE, { input: challengeInput() }, researcherA, 'FORBIDDEN');

    // Bad input, each with the field to fix.
    const badApplications: [Record<string, unknown>, string][] = [
      [{ quote: 1_000_001 }, 'quote'],
      [{ quote: 0 }, 'quote'],
      [{ milestones: [{ title: '样机研制', deliverable: '检测样机一套', dueDate: '2099-01-01', sharePercent: 100 }] }, 'delivery period'],
      [
        {
          milestones: [
            { title: '样机研制', deliverable: '检测样机一套', dueDate: '2099-01-01', sharePercent: 50 },
            { title: '现场验收', deliverable: '试点运行报告', dueDate: '2099-02-01', sharePercent: 40 },
          ],
        },
        'add up to 100',
      ],
      [{ members: [] }, 'member'],
      [{ teamName: ' ' }, 'teamName'],
    ];
    for (const [overrides, hint] of badApplications) {
      expect(await refused(APPLY, { input: applicationInput(challenge.id, overrides) }, researcherB, 'BAD_USER_INPUT')).toContain(hint);
    }
    expect(await refused(SCORE, { input: { applicationId: a.id, scores: [5] } }, enterprise, 'BAD_USER_INPUT')).toContain('one score per indicator');
    await refused(SCORE, { input: { applicationId: a.id, scores: [5, 11] } }, enterprise, 'BAD_USER_INPUT');
    await refused(CREATE, { input: challengeInput({ bounty: 0 }) }, enterprise, 'BAD_USER_INPUT');
    await refused(CREATE, { input: challengeInput({ indicators: [] }) }, enterprise, 'BAD_USER_INPUT');
    await refused(CREATE, { input: challengeInput({ applicationClosesAt: '2020-01-01T00:00:00Z' }) }, enterprise, 'BAD_USER_INPUT');
    await refused(CREATE, { input: challengeInput({ maxWinners: 3 }) }, enterprise, 'BAD_USER_INPUT');

    // Out-of-order moves.
    expect(await refused(AWARD, { challengeId: challenge.id, applicationId: a.id }, enterprise, 'CONFLICT')).toContain('window closes');
    await refused(UPDATE, { id: challenge.id, input: { bounty: 2_000_000 } }, enterprise, 'CONFLICT');
    await refused(PUBLISH, { id: challenge.id }, enterprise, 'CONFLICT');
    expect(await snapshot(challenge.id)).toEqual(untouched);

    await closeWindow(challenge.id);
    const closed = await snapshot(challenge.id);
    expect(await refused(AWARD, { challengeId: challenge.id, applicationId: a.id }, enterprise, 'CONFLICT')).toContain('shortlist it first');
    await refused(APPLY, { input: applicationInput(challenge.id) }, researcherB, 'CONFLICT');
    expect(await snapshot(challenge.id)).toEqual(closed);

    // Another team's milestone, and an application to another challenge.
    await ok(SHORTLIST, { id: a.id }, enterprise);
    const awarded = (await ok<{ awardChallenge: ApplicationView }>(AWARD, { challengeId: challenge.id, applicationId: a.id }, enterprise)).awardChallenge;
    const afterAward = await snapshot(challenge.id);
    await refused(SUBMIT_MILESTONE, { id: awarded.milestones[0].id, deliverable: '别人的里程碑交付物' }, researcherB, 'FORBIDDEN');
    await refused(ACCEPT_MILESTONE, { id: awarded.milestones[0].id }, researcherA, 'FORBIDDEN');
    await refused(CANCEL, { id: challenge.id }, enterprise, 'CONFLICT');
    const elsewhere = await publishedChallenge();
    const elsewhereApplication = await apply(elsewhere.id, researcherB);
    await refused(AWARD, { challengeId: challenge.id, applicationId: elsewhereApplication.id }, enterprise, 'BAD_USER_INPUT');
    expect(await snapshot(challenge.id)).toEqual(afterAward);
  });

  it('lets exactly one of two concurrent awards through on a single-winner challenge', async () => {
    const challenge = await publishedChallenge();
    const a = await apply(challenge.id, researcherA);
    const b = await apply(challenge.id, researcherB);
    await ok(SHORTLIST, { id: a.id }, enterprise);
    await ok(SHORTLIST, { id: b.id }, enterprise);
    await closeWindow(challenge.id);
    const attempts = await Promise.all([
      marketplace.request(AWARD, { challengeId: challenge.id, applicationId: a.id }, enterprise),
      marketplace.request(AWARD, { challengeId: challenge.id, applicationId: b.id }, admin),
      marketplace.request(AWARD, { challengeId: challenge.id, applicationId: a.id }, admin),
    ]);
    expect(attempts.filter((attempt) => !attempt.errors)).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
    const [row] = await marketplace.sql<{ awarded: number; milestones: number }>(
      `SELECT count(*) FILTER (WHERE status = 'AWARDED')::int AS awarded,
              (SELECT count(*)::int FROM marketplace.challenge_milestones m JOIN marketplace.challenge_applications x ON x.id = m.application_id WHERE x.challenge_id = $1) AS milestones
       FROM marketplace.challenge_applications WHERE challenge_id = $1`,
      [challenge.id],
    );
    expect(row).toEqual({ awarded: 1, milestones: 2 });
  });

  it('runs 赛马制 with several winners in parallel, completing when every winner’s final milestone is accepted', async () => {
    const challenge = await publishedChallenge(enterprise, { allowsMultipleWinners: true, maxWinners: 2 });
    const researcherC = await marketplace.user(Role.RESEARCHER);
    const single = { milestones: [{ title: '整体交付', deliverable: '检测系统及验收报告', dueDate: '2027-01-01', sharePercent: 100 }] };
    const dueDate = new Date(Date.now() + 100 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    single.milestones[0].dueDate = dueDate;
    const applications = [
      await apply(challenge.id, researcherA, single),
      await apply(challenge.id, researcherB, single),
      await apply(challenge.id, researcherC, single),
    ];
    for (const application of applications) await ok(SHORTLIST, { id: application.id }, enterprise);
    await closeWindow(challenge.id);
    const attempts = await Promise.all(
      applications.map((application) => marketplace.request<{ awardChallenge: ApplicationView }>(AWARD, { challengeId: challenge.id, applicationId: application.id }, enterprise)),
    );
    const winners = attempts.filter((attempt) => !attempt.errors).map((attempt) => must(attempt.data).awardChallenge);
    expect(winners).toHaveLength(2);
    expect(attempts.filter((attempt) => attempt.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const teams = [researcherA, researcherB, researcherC];
    const owners = winners.map((winner) => must(teams.find((team) => team.id === winner.applicant.id)));

    await ok(SUBMIT_MILESTONE, { id: winners[0].milestones[0].id, deliverable: '检测系统及验收报告（第一队）' }, owners[0]);
    const half = (await ok<{ acceptMilestone: ApplicationView }>(ACCEPT_MILESTONE, { id: winners[0].milestones[0].id }, enterprise)).acceptMilestone;
    expect(half.challenge?.stage).toBe('AWARDED');
    await ok(SUBMIT_MILESTONE, { id: winners[1].milestones[0].id, deliverable: '检测系统及验收报告（第二队）' }, owners[1]);
    const all = (await ok<{ acceptMilestone: ApplicationView }>(ACCEPT_MILESTONE, { id: winners[1].milestones[0].id }, enterprise)).acceptMilestone;
    expect(all.challenge?.stage).toBe('COMPLETED');
  });

  it('cancels before any award: CLOSED, out of the search index, open applications rejected', async () => {
    const challenge = await publishedChallenge();
    const a = await apply(challenge.id, researcherA);
    const cancelled = await ok<{ cancelChallenge: ChallengeView }>(CANCEL, { id: challenge.id }, enterprise);
    expect(cancelled.cancelChallenge).toMatchObject({ status: 'CLOSED', stage: 'CANCELLED' });
    const events = await marketplace.sql<{ type: string }>(`SELECT type FROM marketplace.outbox WHERE aggregate_id = $1 ORDER BY seq`, [challenge.id]);
    expect(events.map((event) => event.type)).toEqual(['listing.upserted', 'listing.removed']);
    const application = (await ok<{ challengeApplication: ApplicationView }>(APPLICATION, { id: a.id }, researcherA)).challengeApplication;
    expect(application).toMatchObject({ status: 'REJECTED', rejectionReason: '本榜已撤榜', challenge: { stage: 'CANCELLED' } });
    await refused(CANCEL, { id: challenge.id }, enterprise, 'CONFLICT');
    await refused(CHALLENGE, { id: challenge.id }, researcherB, 'NOT_FOUND');
  });

  it('edits a draft, lists the review queue with challenges, and hides drafts from others', async () => {
    const draft = (await ok<{ createChallenge: ChallengeView }>(CREATE, { input: challengeInput() }, admin)).createChallenge;
    const edited = (await ok<{ updateChallenge: ChallengeView & { maxWinners: number } }>(
      UPDATE,
      { id: draft.id, input: { allowsMultipleWinners: true } },
      admin,
    )).updateChallenge;
    expect(edited).toMatchObject({ status: 'DRAFT', maxWinners: 2 });
    await refused(UPDATE, { id: draft.id, input: { maxWinners: 1 } }, admin, 'BAD_USER_INPUT');
    await refused(UPDATE, { id: draft.id, input: { title: '别人的榜单改个标题' } }, enterprise, 'FORBIDDEN');
    await refused(CHALLENGE, { id: draft.id }, enterprise, 'NOT_FOUND');
    await refused(APPLY, { input: applicationInput(draft.id) }, researcherA, 'NOT_FOUND');
    await ok(PUBLISH, { id: draft.id }, admin);
    const rejected = await ok<{ rejectListing: { __typename: string; status: string; rejectionReason: string } }>(
      `mutation ($id: ID!, $reason: String!) { rejectListing(id: $id, reason: $reason) { __typename ... on Challenge { status rejectionReason } } }`,
      { id: draft.id, reason: '请补充指标的验证方式' },
      admin,
    );
    expect(rejected.rejectListing).toEqual({ __typename: 'Challenge', status: 'REJECTED', rejectionReason: '请补充指标的验证方式' });
    await ok(PUBLISH, { id: draft.id }, admin);
    const queue = await ok<{ reviewQueue: { edges: { node: { __typename: string; id?: string } }[] } }>(
      `query { reviewQueue(first: 100) { edges { node { __typename ... on Challenge { id } } } } }`,
      {},
      admin,
    );
    expect(queue.reviewQueue.edges.map((edge) => edge.node)).toContainEqual({ __typename: 'Challenge', id: draft.id });

    const upcoming = (await ok<{ createChallenge: ChallengeView }>(
      CREATE,
      { input: challengeInput({ applicationOpensAt: new Date(Date.now() + 86_400_000).toISOString() }) },
      enterprise,
    )).createChallenge;
    await ok(PUBLISH, { id: upcoming.id }, enterprise);
    await ok(APPROVE, { id: upcoming.id }, admin);
    const listed = await ok<{ challenges: { edges: { node: { id: string; stage: string } }[] } }>(CHALLENGES, { filter: { stage: 'UPCOMING' } });
    expect(listed.challenges.edges.map((edge) => edge.node)).toContainEqual(expect.objectContaining({ id: upcoming.id, stage: 'UPCOMING' }));
    expect(await refused(APPLY, { input: applicationInput(upcoming.id) }, researcherA, 'CONFLICT')).toContain('applications open at');
  });
});
