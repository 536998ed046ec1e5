import { brokerScore, BrokerLevel } from '@ttm/brokerage';
import { chinaDateIn, todayInChina } from '@ttm/clock';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { GraphQLClient } from 'graphql-request';
import {
  ACCEPT_MILESTONE,
  ADVANCE_DEAL,
  APPLY,
  AWARD,
  BROKER,
  CHALLENGE_STAGE,
  CREATE_CHALLENGE,
  CREATE_RESULT,
  DEAL,
  LEADERBOARD,
  MARKET_STATS,
  MATCH,
  NEED_PUBLISHED_AT,
  PROPOSE_MATCH,
  PUBLISH_CHALLENGE,
  RATE_BROKER,
  REGISTER_CONTRACT,
  RESPOND_TO_MATCH,
  SCORE,
  SHORTLIST,
  SUBMIT_MILESTONE,
  SUBMIT_RESULT,
  USER_RESPONSE,
} from './support/brokerage-operations';
import { client, failure } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, needInput, REGISTER, SUBMIT_NEED } from './support/operations';

interface Person {
  id: string;
  gql: GraphQLClient;
}

const dateIn = (days: number) => chinaDateIn(days);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The brokerage story through the gateway on the real PostgreSQL: a 揭榜挂帅 challenge from publication
 * to completion, and a broker's match from proposal to a completed deal with a registered contract,
 * ratings, and the broker's score and level moving exactly as the pinned formula says.
 */
describe('deal desk: challenges and brokered deals end to end (PostgreSQL)', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  let admin: Person;
  let enterprise: Person;
  let teamA: Person;
  let teamB: Person;
  let lateTeam: Person;
  let broker: Person;

  async function register(email: string, displayName: string, role: string): Promise<Person> {
    const { register } = await client(marketplace.url).request<{ register: { accessToken: string; user: { id: string } } }>(REGISTER, {
      input: { email, password: 'DealDesk2026', displayName, role },
    });
    return { id: register.user.id, gql: client(marketplace.url, register.accessToken) };
  }

  beforeAll(async () => {
    database = await createTestDatabase('deal_desk');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'false' } });
    const { login } = await client(marketplace.url).request<{ login: { accessToken: string; user: { id: string } } }>(LOGIN, { input: TEST_ADMIN });
    admin = { id: login.user.id, gql: client(marketplace.url, login.accessToken) };
    enterprise = await register('shen@e2e-warp.cn', '沈工', 'ENTERPRISE');
    teamA = await register('lin@e2e-zstu.edu.cn', '林慧敏', 'RESEARCHER');
    teamB = await register('ding@e2e-zju.edu.cn', '丁卫东', 'RESEARCHER');
    lateTeam = await register('late@e2e-inst.cn', '迟到团队', 'RESEARCHER');
    broker = await register('xu@e2e-broker.cn', '许经纪', 'BROKER');
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  it('runs a 揭榜挂帅 challenge: publish, two applications, score and award one, milestones accepted, completed', async () => {
    // The window closes 20 s after creation, so the late application and the award happen for real.
    const closesAt = new Date(Date.now() + 20_000);
    const { createChallenge } = await enterprise.gql.request<{ createChallenge: { id: string } }>(CREATE_CHALLENGE, {
      input: {
        title: '高速经编机断纱在线检测技术攻关',
        description: '面向2800 r/min高速经编机，研发断纱在线检测与自动停机系统，解决人工巡检漏检率高、疵点损失大的问题。',
        industry: 'TEXTILE',
        keywords: ['断纱检测', '经编机', '机器视觉'],
        regionCode: '330481',
        indicators: [
          { name: '检出率', targetValue: '≥ 99.5', unit: '%', verificationMethod: '第三方检测机构现场测试报告' },
          { name: '响应时间', targetValue: '≤ 50', unit: 'ms', verificationMethod: '企业现场连续运行一个月记录' },
        ],
        bounty: 1_000_000,
        eligibility: '高校、科研院所或科技型企业牵头，团队具有机器视觉或纺织装备相关研发经历。',
        applicationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        applicationClosesAt: closesAt.toISOString(),
        deliveryMonths: 12,
        allowsMultipleWinners: false,
        contact: { name: '沈工', phone: '0573-87251018', email: 'shen@e2e-warp.cn' },
        organizationName: '海宁某经编有限公司',
      },
    });
    const challengeId = createChallenge.id;
    await enterprise.gql.request(PUBLISH_CHALLENGE, { id: challengeId });
    await admin.gql.request(APPROVE_LISTING, { id: challengeId });

    const application = (teamName: string, quote: number) => ({
      input: {
        challengeId,
        teamName,
        members: [{ name: '林慧敏', title: '教授', organization: '浙江理工大学' }],
        technicalRoute: '采用线阵相机与红外对射传感融合检测，边缘计算单元实时判别断纱并联动主机停机，先在4台机上试点再推广。',
        milestones: [
          { title: '样机研制', deliverable: '检测样机一套及实验室测试报告', dueDate: dateIn(90), sharePercent: 40 },
          { title: '现场验收', deliverable: '4台机试点运行报告及第三方检测报告', dueDate: dateIn(200), sharePercent: 60 },
        ],
        quote,
      },
    });
    const { applyToChallenge: appA } = await teamA.gql.request<{ applyToChallenge: { id: string } }>(APPLY, application('智能纺织装备课题组', 900_000));
    const { applyToChallenge: appB } = await teamB.gql.request<{ applyToChallenge: { id: string } }>(APPLY, application('视觉检测联合团队', 950_000));
    await enterprise.gql.request(SCORE, { input: { applicationId: appA.id, scores: [9, 8] } });
    await enterprise.gql.request(SCORE, { input: { applicationId: appB.id, scores: [7, 6] } });
    await enterprise.gql.request(SHORTLIST, { id: appA.id });
    await enterprise.gql.request(SHORTLIST, { id: appB.id });

    await sleep(Math.max(0, closesAt.getTime() - Date.now() + 500));
    const late = await failure(lateTeam.gql, APPLY, application('迟到团队', 800_000));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toMatch(/window closed/);

    const { awardChallenge } = await enterprise.gql.request<{ awardChallenge: { status: string; milestones: { id: string; status: string }[] } }>(AWARD, {
      challengeId,
      applicationId: appA.id,
    });
    expect(awardChallenge.status).toBe('AWARDED');
    const twice = await failure(enterprise.gql, AWARD, { challengeId, applicationId: appB.id });
    expect(twice.code).toBe('CONFLICT');
    expect((await admin.gql.request<{ challenge: { stage: string } }>(CHALLENGE_STAGE, { id: challengeId })).challenge.stage).toBe('AWARDED');

    for (const milestone of awardChallenge.milestones) {
      await teamA.gql.request(SUBMIT_MILESTONE, { id: milestone.id, deliverable: `交付物：${milestone.id.slice(0, 8)} 测试报告` });
      const { acceptMilestone } = await enterprise.gql.request<{ acceptMilestone: { milestones: { id: string; status: string }[] } }>(ACCEPT_MILESTONE, {
        id: milestone.id,
      });
      expect(acceptMilestone.milestones.find((m) => m.id === milestone.id)?.status).toBe('ACCEPTED');
    }
    expect((await admin.gql.request<{ challenge: { stage: string } }>(CHALLENGE_STAGE, { id: challengeId })).challenge.stage).toBe('COMPLETED');
  });

  describe('a brokered match becomes a completed deal', () => {
    let needId: string;
    let resultId: string;
    let matchId: string;
    let dealId: string;
    let proposedAt: string;

    async function published(document: string, submit: string, input: Record<string, unknown>, owner: Person): Promise<string> {
      const created = await owner.gql.request<Record<string, { id: string }>>(document, { input });
      const id = Object.values(created)[0].id;
      await owner.gql.request(submit, { id });
      await admin.gql.request(APPROVE_LISTING, { id });
      return id;
    }

    it('a broker proposes a match; each side answers only for itself; contacts are revealed once both accept', async () => {
      needId = await published(CREATE_NEED, SUBMIT_NEED, needInput({ anonymous: true, organizationName: '海宁某经编有限公司', contact: { name: '沈工', phone: '13857300088', email: 'shen@e2e-warp.cn' } }), enterprise);
      resultId = await published(
        CREATE_RESULT,
        SUBMIT_RESULT,
        {
          title: '基于线阵相机的纱线断头在线检测技术',
          description: '线阵相机与边缘计算结合的断纱检测方法，已在经编车间完成小试，检出率99.6%，响应时间小于30毫秒。',
          industry: 'TEXTILE',
          keywords: ['断纱检测', '机器视觉'],
          regionCode: '330100',
          cooperationModes: ['LICENSE', 'JOINT_DEVELOPMENT'],
          contact: { name: '林老师', phone: '0571-86843001', email: 'lin@e2e-zstu.edu.cn' },
          organizationName: '浙江理工大学',
          trl: 6,
          ipType: 'INVENTION_PATENT',
          patentNumbers: ['ZL201710601862.3'],
          askingPrice: 900000,
        },
        teamA,
      );

      const before = await broker.gql.request<{ broker: { score: number; level: string } }>(BROKER, { id: broker.id });
      expect(before.broker).toMatchObject({ score: 15.6, level: 'JUNIOR' });

      const proposed = await broker.gql.request<{ proposeMatch: { id: string; status: string; proposedAt: string; broker: { displayName: string } } }>(PROPOSE_MATCH, {
        input: { needId, counterpartId: resultId, note: '该成果检出率与响应时间均满足需求指标，建议先行技术交流。' },
      });
      expect(proposed.proposeMatch).toMatchObject({ status: 'PROPOSED', broker: { displayName: '许经纪' } });
      matchId = proposed.proposeMatch.id;
      proposedAt = proposed.proposeMatch.proposedAt;

      const forOther = await failure(enterprise.gql, RESPOND_TO_MATCH, { input: { matchId, accept: true, side: 'COUNTERPART' } });
      expect(forOther.code).toBe('FORBIDDEN');
      expect((await failure(broker.gql, RESPOND_TO_MATCH, { input: { matchId, accept: true } })).code).toBe('FORBIDDEN');

      type MatchView = { match: { status: string; needListing?: unknown; counterpartResult?: unknown; counterpartExpert?: unknown; need: { organizationName: string | null; contact: { phone: string } | null }; counterpart: { contact: { email: string } | null }; deal: { id: string; stage: string } | null } };
      const hidden = await teamA.gql.request<MatchView>(MATCH, { id: matchId });
      expect(hidden.match).toMatchObject({ status: 'PROPOSED', need: { organizationName: null, contact: null }, deal: null });

      await enterprise.gql.request(RESPOND_TO_MATCH, { input: { matchId, accept: true } });
      expect((await teamA.gql.request<MatchView>(MATCH, { id: matchId })).match.need.contact).toBeNull();
      const accepted = await teamA.gql.request<{ respondToMatch: { status: string } }>(RESPOND_TO_MATCH, { input: { matchId, accept: true } });
      expect(accepted.respondToMatch.status).toBe('ACCEPTED');

      const revealed = await teamA.gql.request<MatchView>(MATCH, { id: matchId });
      expect(revealed.match.need).toMatchObject({ organizationName: '海宁某经编有限公司', contact: { phone: '13857300088' } });
      expect((await enterprise.gql.request<MatchView>(MATCH, { id: matchId })).match.counterpart.contact).toEqual({ name: '林老师', phone: '0571-86843001', email: 'lin@e2e-zstu.edu.cn' });
      expect(revealed.match.deal?.stage).toBe('NEGOTIATING');
      // The listings themselves resolve through the marketplace, which keeps its own contact rule.
      const seenByNeedOwner = await enterprise.gql.request<MatchView>(MATCH, { id: matchId });
      expect(seenByNeedOwner.match).toMatchObject({
        needListing: { id: needId },
        counterpartResult: { id: resultId, title: '基于线阵相机的纱线断头在线检测技术', trl: 6, contact: null },
        counterpartExpert: null,
      });
      dealId = revealed.match.deal?.id ?? '';
      const profile = await lateTeam.gql.request<{ user: { displayName: string; matchResponse: { answered: number } } }>(USER_RESPONSE, { id: teamA.id });
      expect(profile.user).toMatchObject({ displayName: '林慧敏', matchResponse: { answered: 1 } });
    });

    it('moves the deal to COMPLETED with a registered contract, refusing the forbidden moves without changing it', async () => {
      const contract = {
        dealId,
        type: 'LICENCE',
        amount: 850_000,
        // The date in China, as the web form sends it (until 08:00 China time the UTC date is yesterday's).
        signedOn: todayInChina(),
        parties: [
          { name: '海宁某经编有限公司', role: '被许可方' },
          { name: '浙江理工大学', role: '许可方' },
        ],
      };
      expect((await failure(broker.gql, REGISTER_CONTRACT, { input: contract })).code).toBe('CONFLICT');
      await broker.gql.request(ADVANCE_DEAL, { input: { dealId, expectedVersion: 1, to: 'CONTRACT_SIGNED' } });
      expect((await failure(enterprise.gql, ADVANCE_DEAL, { input: { dealId, expectedVersion: 1, to: 'FAILED', reason: '价格' } })).code).toBe('CONFLICT');
      expect((await failure(broker.gql, REGISTER_CONTRACT, { input: { ...contract, amount: -850_000 } })).code).toBe('BAD_USER_INPUT');
      expect((await broker.gql.request<{ deal: { version: number; contract: unknown } }>(DEAL, { id: dealId })).deal).toMatchObject({ version: 2, contract: null });
      await broker.gql.request(REGISTER_CONTRACT, { input: contract });
      expect((await failure(enterprise.gql, RATE_BROKER, { input: { dealId, stars: 5 } })).code).toBe('CONFLICT');
      await enterprise.gql.request(ADVANCE_DEAL, { input: { dealId, expectedVersion: 3, to: 'COMPLETED' } });

      const { deal } = await teamA.gql.request<{ deal: { stage: string; activities: { action: string; toStage: string | null; actor: { displayName: string } }[] } }>(DEAL, { id: dealId });
      expect(deal.stage).toBe('COMPLETED');
      expect(deal.activities.map((activity) => `${activity.action}:${activity.toStage ?? ''}:${activity.actor.displayName}`)).toEqual([
        'OPENED:NEGOTIATING:林慧敏',
        'STAGE_CHANGED:CONTRACT_SIGNED:许经纪',
        'CONTRACT_REGISTERED::许经纪',
        'STAGE_CHANGED:COMPLETED:沈工',
      ]);
    });

    it('both parties rate the broker once; the score and level change exactly as the formula says', async () => {
      expect((await failure(lateTeam.gql, RATE_BROKER, { input: { dealId, stars: 1 } })).code).toBe('FORBIDDEN');
      await enterprise.gql.request(RATE_BROKER, { input: { dealId, stars: 5, comment: '对接高效，推进及时' } });
      await teamA.gql.request(RATE_BROKER, { input: { dealId, stars: 4 } });
      expect((await failure(teamA.gql, RATE_BROKER, { input: { dealId, stars: 5 } })).code).toBe('CONFLICT');

      const { need } = await enterprise.gql.request<{ need: { publishedAt: string } }>(NEED_PUBLISHED_AT, { id: needId });
      const expected = brokerScore({
        matchesProposed: 1,
        dealsOpened: 1,
        dealsCompleted: 1,
        contractValue: 850_000,
        medianFirstResponseHours: (Date.parse(proposedAt) - Date.parse(need.publishedAt)) / 3_600_000,
        ratingCount: 2,
        ratingSum: 9,
      });
      const after = await lateTeam.gql.request<{ broker: { score: number; level: string; stats: Record<string, unknown>; user: { displayName: string } } }>(BROKER, { id: broker.id });
      expect(after.broker).toMatchObject({
        score: expected.score,
        level: BrokerLevel.INTERMEDIATE,
        stats: { matchesProposed: 1, dealsOpened: 1, dealsCompleted: 1, contractValue: 850_000, ratingCount: 2, averageRating: 4.5 },
        user: { displayName: '许经纪' },
      });
      expect(expected.level).toBe(BrokerLevel.INTERMEDIATE);
      const board = await client(marketplace.url).request<{ brokerLeaderboard: { id: string; rank: number; score: number }[] }>(LEADERBOARD, { industry: 'TEXTILE' });
      expect(board.brokerLeaderboard).toEqual([{ id: broker.id, score: expected.score, level: 'INTERMEDIATE', rank: 1 }]);
    });

    it('applies exactly one of several conflicting moves fired at one deal at once', async () => {
      const { createResult } = await teamB.gql.request<{ createResult: { id: string } }>(CREATE_RESULT, {
        input: {
          title: '经编织物疵点智能识别算法',
          description: '基于深度学习的经编织物疵点识别算法，支持断纱、漏针、油污等12类疵点，识别准确率98%以上。',
          industry: 'TEXTILE',
          keywords: ['疵点检测', '深度学习'],
          regionCode: '330100',
          cooperationModes: ['LICENSE'],
          contact: { name: '丁老师', phone: '0571-87950000', email: 'ding@e2e-zju.edu.cn' },
          trl: 5,
          ipType: 'SOFTWARE_COPYRIGHT',
          askingPrice: 300000,
        },
      });
      await teamB.gql.request(SUBMIT_RESULT, { id: createResult.id });
      await admin.gql.request(APPROVE_LISTING, { id: createResult.id });
      const { proposeMatch } = await broker.gql.request<{ proposeMatch: { id: string } }>(PROPOSE_MATCH, {
        input: { needId, counterpartId: createResult.id, note: '可作为断纱检测之外的疵点识别补充方案。' },
      });
      await enterprise.gql.request(RESPOND_TO_MATCH, { input: { matchId: proposeMatch.id, accept: true } });
      await teamB.gql.request(RESPOND_TO_MATCH, { input: { matchId: proposeMatch.id, accept: true } });
      const { match } = await broker.gql.request<{ match: { deal: { id: string } } }>(MATCH, { id: proposeMatch.id });
      const moves = [
        { who: broker, to: 'CONTRACT_SIGNED' },
        { who: enterprise, to: 'FAILED', reason: '预算冻结' },
        { who: teamB, to: 'FAILED', reason: '团队调整' },
        { who: enterprise, to: 'CONTRACT_SIGNED' },
      ];
      const outcomes = await Promise.allSettled(
        moves.map((move) => move.who.gql.request(ADVANCE_DEAL, { input: { dealId: match.deal.id, expectedVersion: 1, to: move.to, reason: move.reason } })),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(refused.map((outcome) => (outcome.reason as { response?: { errors?: { extensions?: { code?: string } }[] } }).response?.errors?.[0]?.extensions?.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
      const { deal } = await broker.gql.request<{ deal: { version: number; activities: { action: string }[] } }>(DEAL, { id: match.deal.id });
      expect(deal.version).toBe(2);
      expect(deal.activities.filter((activity) => activity.action === 'STAGE_CHANGED')).toHaveLength(1);
    });

    it('shows administrators the market statistics; others are refused', async () => {
      expect((await failure(broker.gql, MARKET_STATS)).code).toBe('FORBIDDEN');
      const { marketStats } = await admin.gql.request<{ marketStats: { totals: Record<string, number>; funnel: Record<string, number>; medianDaysToFirstMatch: number } }>(MARKET_STATS);
      expect(marketStats.totals).toEqual({ needs: 1, results: 2, challenges: 1, matches: 2, deals: 2, contracts: 1, contractValue: 850_000 });
      expect(marketStats.funnel).toMatchObject({ proposed: 2, accepted: 2, declined: 0, completed: 1 });
      expect(marketStats.funnel.contractSigned + marketStats.funnel.failed).toBe(2);
      expect(marketStats.medianDaysToFirstMatch).toBeGreaterThanOrEqual(0);
      expect(marketStats.medianDaysToFirstMatch).toBeLessThan(1);
    });
  });
});
