import { demoAccount } from './accounts';
import { brokerRatingId, contractId, dealId, expertId, matchId, needId, resultId } from './ids';

/**
 * Demo brokerage: matches proposed by the five demo brokers (accounts 301–305) over the demo needs,
 * results and experts, answered, turned into deals in every stage, with registered contracts and
 * ratings, so a newcomer sees a full pipeline and a broker leaderboard. Times are fractions of each
 * need's age at seeding (0 = its publication, 1 = now), so the order of events always holds.
 */
export type DemoMatchOutcome =
  | 'PROPOSED'
  | 'NEED_ACCEPTED'
  | 'DECLINED'
  | 'NEGOTIATING'
  | 'CONTRACT_SIGNED'
  | 'COMPLETED'
  | 'FAILED';

export type DemoDeclineCode = 'TOO_EARLY_STAGE' | 'NOT_TECHNICAL_FIT' | 'PRICE' | 'ALREADY_SOLVED' | 'OTHER';
export type DemoContractType = 'DEVELOPMENT' | 'TRANSFER' | 'LICENCE' | 'CONSULTING' | 'SERVICE';

export interface DemoBrokerMatch {
  n: number;
  matchId: string;
  dealId: string;
  brokerId: string;
  needId: string;
  counterpart: { kind: 'RESULT' | 'EXPERT'; id: string };
  note: string;
  outcome: DemoMatchOutcome;
  /** Fraction of the need's age at which the broker proposed. */
  proposedAt: number;
  decline?: { side: 'NEED' | 'COUNTERPART'; code: DemoDeclineCode; text?: string };
  contract?: { id: string; type: DemoContractType; amount: number };
  failureReason?: string;
  /** Stars given by the need side and the counterpart side (closed deals only). */
  ratings?: { id: string; side: 'NEED' | 'COUNTERPART'; stars: number; comment: string }[];
}

type Row = [
  n: number,
  broker: number,
  need: number,
  counterpart: `R${number}` | `E${number}`,
  outcome: DemoMatchOutcome,
  proposedAt: number,
  extra?: Partial<Pick<DemoBrokerMatch, 'decline' | 'failureReason'>> & {
    contract?: [DemoContractType, number];
    ratings?: [number | null, number | null];
  },
];

const ROWS: readonly Row[] = [
  // 许嘉宁 (301): textiles, the most deals
  [1, 301, 1, 'R1', 'COMPLETED', 0.05, { contract: ['DEVELOPMENT', 680000], ratings: [5, 5] }],
  [2, 301, 3, 'R4', 'COMPLETED', 0.08, { contract: ['TRANSFER', 1200000], ratings: [5, 4] }],
  [3, 301, 6, 'R11', 'COMPLETED', 0.1, { contract: ['LICENCE', 450000], ratings: [4, 5] }],
  [4, 301, 7, 'R14', 'CONTRACT_SIGNED', 0.12, { contract: ['SERVICE', 260000] }],
  [5, 301, 8, 'E24', 'NEGOTIATING', 0.2],
  [6, 301, 9, 'R16', 'DECLINED', 0.15, { decline: { side: 'COUNTERPART', code: 'PRICE' } }],
  [7, 301, 2, 'R3', 'PROPOSED', 0.3],
  // 陈思琪 (302): new energy and semiconductors
  [8, 302, 19, 'R31', 'COMPLETED', 0.1, { contract: ['DEVELOPMENT', 2300000], ratings: [5, 5] }],
  [9, 302, 21, 'R35', 'CONTRACT_SIGNED', 0.15],
  [10, 302, 22, 'R38', 'FAILED', 0.1, { failureReason: '企业预算调整，项目暂缓', ratings: [4, null] }],
  [11, 302, 23, 'R33', 'NEED_ACCEPTED', 0.4],
  [12, 302, 20, 'R37', 'DECLINED', 0.2, { decline: { side: 'NEED', code: 'TOO_EARLY_STAGE' } }],
  // 李铭远 (303): equipment and materials
  [13, 303, 27, 'R43', 'COMPLETED', 0.2, { contract: ['CONSULTING', 180000], ratings: [4, 4] }],
  [14, 303, 28, 'R45', 'NEGOTIATING', 0.25],
  [15, 303, 24, 'R42', 'FAILED', 0.3, { failureReason: '双方在知识产权归属上未达成一致', ratings: [3, 3] }],
  [16, 303, 25, 'R40', 'PROPOSED', 0.5],
  [17, 303, 26, 'E12', 'DECLINED', 0.3, { decline: { side: 'COUNTERPART', code: 'OTHER', text: '团队本年度排期已满' } }],
  // 周欣然 (304): life & health
  [18, 304, 37, 'R69', 'CONTRACT_SIGNED', 0.2, { contract: ['TRANSFER', 900000] }],
  [19, 304, 40, 'R77', 'NEGOTIATING', 0.3],
  [20, 304, 38, 'R71', 'NEED_ACCEPTED', 0.5],
  [21, 304, 39, 'R75', 'DECLINED', 0.25, { decline: { side: 'NEED', code: 'ALREADY_SOLVED' } }],
  // 王建峰 (305, independent)
  [22, 305, 45, 'R86', 'COMPLETED', 0.3, { contract: ['SERVICE', 120000], ratings: [3, 4] }],
  [23, 305, 48, 'R52', 'PROPOSED', 0.6],
  [24, 305, 44, 'R82', 'DECLINED', 0.35, { decline: { side: 'COUNTERPART', code: 'NOT_TECHNICAL_FIT' } }],
];

const NOTES: Record<string, string> = {
  R: '该成果的技术指标与需求高度吻合，成果方有中试经验，建议双方就合作方式与报价进一步沟通。',
  E: '该专家团队长期从事相关方向研究，有企业合作经历，可先开展技术咨询再确定合作方式。',
};

export const DEMO_BROKER_MATCHES: readonly DemoBrokerMatch[] = ROWS.map(([n, broker, need, counterpart, outcome, proposedAt, extra = {}]) => {
  const kind = counterpart.startsWith('R') ? 'RESULT' : 'EXPERT';
  const number = Number(counterpart.slice(1));
  const ratings = (extra.ratings ?? [])
    .map((stars, index) => ({ stars, side: index === 0 ? ('NEED' as const) : ('COUNTERPART' as const) }))
    .filter((rating): rating is { stars: number; side: 'NEED' | 'COUNTERPART' } => rating.stars !== null)
    .map((rating, index) => ({
      id: brokerRatingId(n * 2 + index),
      side: rating.side,
      stars: rating.stars,
      comment: rating.stars >= 4 ? '经纪人响应及时，对接高效专业。' : '沟通尚可，流程推进偏慢。',
    }));
  return {
    n,
    matchId: matchId(n),
    dealId: dealId(n),
    brokerId: demoAccount(broker),
    needId: needId(need),
    counterpart: { kind, id: kind === 'RESULT' ? resultId(number) : expertId(number) },
    note: NOTES[counterpart[0]],
    outcome,
    proposedAt,
    decline: extra.decline,
    failureReason: extra.failureReason,
    contract: extra.contract ? { id: contractId(n), type: extra.contract[0], amount: extra.contract[1] } : undefined,
    ratings: ratings.length > 0 ? ratings : undefined,
  };
});
