import { Role } from '@ttm/auth';
import { DEMO_BROKER_MATCHES, DEMO_EXPERTS, DEMO_NEEDS, DEMO_RESULTS } from '@ttm/demo';
import { brokerScore } from '../broker-score/broker-score';
import { BrokerageDemoSeeder } from '../demo/brokerage-demo.seeder';
import { RunningBrokerage, startBrokerage, TestUser, must } from '../testing/brokerage-test-app';

const NOW = new Date('2026-06-29T00:00:00.000Z');
const HOUR_MS = 3_600_000;
/** Every demo listing is published on 1 June 2026 (one minute apart), so all brokerage events fall in June. */
const publishedAt = (index: number) => new Date(Date.UTC(2026, 5, 1) + index * 60_000);
const CHALLENGE_MONTH = '2026-04';

const STATS = `query { marketStats {
  totals { needs results challenges matches deals contracts contractValue }
  byIndustry { industry industryName needs results matches deals contracts contractValue }
  byMonth { month needs results challenges matches deals contracts contractValue }
  funnel { proposed accepted declined contractSigned completed failed }
  medianDaysToFirstMatch needsWithMatch
} }`;
const LEADERBOARD = `query ($industry: String) { brokerLeaderboard(industry: $industry, first: 10) { id score level rank stats { dealsCompleted } } }`;
const PIPELINE = `query { dealPipeline { stage count } }`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

describe('market statistics and the leaderboard on the seeded demo data (real PostgreSQL)', () => {
  let brokerage: RunningBrokerage;
  let admin: TestUser;
  const needFacts = new Map<string, { industry: string; publishedAt: Date }>();

  beforeAll(async () => {
    brokerage = await startBrokerage();
    admin = await brokerage.user(Role.ADMIN);
    let index = 0;
    for (const need of DEMO_NEEDS) {
      const at = publishedAt(index++);
      needFacts.set(need.id, { industry: need.industry, publishedAt: at });
      brokerage.directory.add('NEED', need.ownerId, { id: need.id, industry: need.industry, anonymous: need.anonymous, publishedAt: at.toISOString() });
    }
    for (const result of DEMO_RESULTS) {
      brokerage.directory.add('RESULT', result.ownerId, { id: result.id, industry: result.industry, publishedAt: publishedAt(index++).toISOString() });
    }
    for (const expert of DEMO_EXPERTS) {
      brokerage.directory.add('EXPERT', expert.ownerId, { id: expert.id, industry: expert.industry, publishedAt: publishedAt(index++).toISOString() });
    }
    brokerage.directory.add('CHALLENGE', DEMO_NEEDS[0].ownerId, { industry: 'TEXTILE', publishedAt: `${CHALLENGE_MONTH}-10T08:00:00.000Z` });
    brokerage.directory.add('CHALLENGE', DEMO_NEEDS[0].ownerId, { industry: 'TEXTILE', status: 'DRAFT', publishedAt: null });
    expect(await brokerage.app.get(BrokerageDemoSeeder).seed(NOW)).toBe(DEMO_BROKER_MATCHES.length);
    expect(await brokerage.app.get(BrokerageDemoSeeder).seed(NOW)).toBe(0);
  });

  afterAll(async () => {
    await brokerage?.close();
  });

  /** What the demo definitions say, counted here without the service's SQL. */
  function expected() {
    const opened = DEMO_BROKER_MATCHES.filter((demo) => ['NEGOTIATING', 'CONTRACT_SIGNED', 'COMPLETED', 'FAILED'].includes(demo.outcome));
    const signed = opened.filter((demo) => demo.outcome === 'CONTRACT_SIGNED' || demo.outcome === 'COMPLETED');
    const contracts = signed.filter((demo) => demo.contract);
    const hoursToProposal = (demo: (typeof DEMO_BROKER_MATCHES)[number]) => {
      const published = must(needFacts.get(demo.needId)).publishedAt.getTime();
      return ((NOW.getTime() - published) * demo.proposedAt) / HOUR_MS;
    };
    return { opened, signed, contracts, hoursToProposal };
  }

  it('counts listings, matches, deals and contracts exactly, in total, by industry and by month', async () => {
    const { data, errors } = await brokerage.request<{ marketStats: Record<string, unknown> }>(STATS, {}, admin);
    expect(errors).toBeUndefined();
    const stats = must(data).marketStats as {
      totals: Record<string, number>;
      byIndustry: ({ industry: string } & Record<string, number>)[];
      byMonth: ({ month: string } & Record<string, number>)[];
      funnel: Record<string, number>;
      medianDaysToFirstMatch: number;
      needsWithMatch: number;
    };
    const { opened, signed, contracts, hoursToProposal } = expected();
    const contractValue = contracts.reduce((sum, demo) => sum + must(demo.contract).amount, 0);

    expect(stats.totals).toEqual({
      needs: DEMO_NEEDS.length,
      results: DEMO_RESULTS.length,
      challenges: 1,
      matches: DEMO_BROKER_MATCHES.length,
      deals: opened.length,
      contracts: contracts.length,
      contractValue,
    });
    expect(stats.funnel).toEqual({
      proposed: DEMO_BROKER_MATCHES.length,
      accepted: opened.length,
      declined: DEMO_BROKER_MATCHES.filter((demo) => demo.outcome === 'DECLINED').length,
      contractSigned: signed.length,
      completed: DEMO_BROKER_MATCHES.filter((demo) => demo.outcome === 'COMPLETED').length,
      failed: DEMO_BROKER_MATCHES.filter((demo) => demo.outcome === 'FAILED').length,
    });

    // The published challenge is filed under TEXTILE.
    const industries = new Set([...DEMO_NEEDS, ...DEMO_RESULTS].map((listing) => listing.industry).concat('TEXTILE'));
    expect(stats.byIndustry.map((row) => row.industry).sort()).toEqual([...industries].sort());
    for (const row of stats.byIndustry) {
      const industryOf = (demo: (typeof DEMO_BROKER_MATCHES)[number]) => must(needFacts.get(demo.needId)).industry;
      expect(row).toMatchObject({
        needs: DEMO_NEEDS.filter((need) => need.industry === row.industry).length,
        results: DEMO_RESULTS.filter((result) => result.industry === row.industry).length,
        matches: DEMO_BROKER_MATCHES.filter((demo) => industryOf(demo) === row.industry).length,
        deals: opened.filter((demo) => industryOf(demo) === row.industry).length,
        contracts: contracts.filter((demo) => industryOf(demo) === row.industry).length,
        contractValue: contracts.filter((demo) => industryOf(demo) === row.industry).reduce((sum, demo) => sum + must(demo.contract).amount, 0),
      });
    }

    expect(stats.byMonth).toEqual([
      { month: CHALLENGE_MONTH, needs: 0, results: 0, challenges: 1, matches: 0, deals: 0, contracts: 0, contractValue: 0 },
      {
        month: '2026-06',
        needs: DEMO_NEEDS.length,
        results: DEMO_RESULTS.length,
        challenges: 0,
        matches: DEMO_BROKER_MATCHES.length,
        deals: opened.length,
        contracts: contracts.length,
        contractValue,
      },
    ]);

    expect(stats.needsWithMatch).toBe(new Set(DEMO_BROKER_MATCHES.map((demo) => demo.needId)).size);
    const firstProposalDays = [...new Set(DEMO_BROKER_MATCHES.map((demo) => demo.needId))].map(
      (needId) => Math.min(...DEMO_BROKER_MATCHES.filter((demo) => demo.needId === needId).map(hoursToProposal)) / 24,
    );
    expect(stats.medianDaysToFirstMatch).toBeCloseTo(median(firstProposalDays), 4);
  });

  it('is for administrators only', async () => {
    const broker = await brokerage.user(Role.BROKER);
    const { errors } = await brokerage.request(STATS, {}, broker);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows deals in every stage and ranks all five demo brokers by the pinned formula', async () => {
    const pipeline = await brokerage.request<{ dealPipeline: { stage: string; count: number }[] }>(PIPELINE, {}, admin);
    for (const column of must(pipeline.data).dealPipeline) expect(column.count).toBeGreaterThanOrEqual(2);

    const { opened, contracts, hoursToProposal } = expected();
    const brokers = [...new Set(DEMO_BROKER_MATCHES.map((demo) => demo.brokerId))];
    const scores = brokers.map((brokerId) => {
      const mine = <T extends { brokerId: string }>(list: readonly T[]) => list.filter((demo) => demo.brokerId === brokerId);
      const completed = mine(opened).filter((demo) => demo.outcome === 'COMPLETED');
      const closed = mine(opened).filter((demo) => demo.outcome === 'COMPLETED' || demo.outcome === 'FAILED');
      const ratings = closed.flatMap((demo) => demo.ratings ?? []);
      const breakdown = brokerScore({
        matchesProposed: mine(DEMO_BROKER_MATCHES).length,
        dealsOpened: mine(opened).length,
        dealsCompleted: completed.length,
        contractValue: mine(contracts).reduce((sum, demo) => sum + must(demo.contract).amount, 0),
        medianFirstResponseHours: median(mine(DEMO_BROKER_MATCHES).map(hoursToProposal)),
        ratingCount: ratings.length,
        ratingSum: ratings.reduce((sum, rating) => sum + rating.stars, 0),
      });
      return { id: brokerId, score: breakdown.score, level: breakdown.level };
    });
    scores.sort((a, b) => b.score - a.score);

    const { data } = await brokerage.request<{ brokerLeaderboard: { id: string; score: number; level: string; rank: number }[] }>(LEADERBOARD, {});
    const board = must(data).brokerLeaderboard;
    expect(board.map(({ id, score, level }) => ({ id, score, level }))).toEqual(scores);
    expect(board.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(board.map((row) => row.level)).size).toBeGreaterThan(1);

    const textile = await brokerage.request<{ brokerLeaderboard: { id: string }[] }>(LEADERBOARD, { industry: 'TEXTILE' });
    const textileBrokers = new Set(
      DEMO_BROKER_MATCHES.filter((demo) => must(needFacts.get(demo.needId)).industry.startsWith('TEXTILE')).map((demo) => demo.brokerId),
    );
    expect(new Set(must(textile.data).brokerLeaderboard.map((row) => row.id))).toEqual(textileBrokers);
    const unknown = await brokerage.request(LEADERBOARD, { industry: 'ALCHEMY' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
