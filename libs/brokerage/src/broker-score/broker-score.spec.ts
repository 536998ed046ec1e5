import { bayesianRating, BrokerFigures, BrokerLevel, brokerScore, levelFor } from './broker-score';

const figures = (overrides: Partial<BrokerFigures> = {}): BrokerFigures => ({
  matchesProposed: 0,
  dealsOpened: 0,
  dealsCompleted: 0,
  contractValue: 0,
  medianFirstResponseHours: null,
  ratingCount: 0,
  ratingSum: 0,
  ...overrides,
});

describe('the broker score formula (pinned numbers)', () => {
  it('averages ratings the Bayesian way: two 5-star ratings do not beat forty 4.8s', () => {
    expect(bayesianRating(0, 0)).toBe(3.5);
    expect(bayesianRating(2, 10)).toBeCloseTo(3.928571, 6);
    expect(bayesianRating(40, 40 * 4.8)).toBeCloseTo(4.655556, 6);
    const twoFives = brokerScore(figures({ ratingCount: 2, ratingSum: 10 }));
    const fortyGood = brokerScore(figures({ ratingCount: 40, ratingSum: 192 }));
    expect(fortyGood.score).toBeGreaterThan(twoFives.score);
    expect(twoFives.score).toBe(18.3);
    expect(fortyGood.score).toBe(22.8);
  });

  it('gives a broker with nothing yet the prior only', () => {
    expect(brokerScore(figures())).toEqual({
      bayesianRating: 3.5,
      rating: 0.625,
      deals: 0,
      value: 0,
      conversion: 0,
      response: 0,
      score: 15.6,
      level: BrokerLevel.JUNIOR,
    });
  });

  it('pins every component and the weighted sum', () => {
    const result = brokerScore(
      figures({ matchesProposed: 10, dealsOpened: 7, dealsCompleted: 6, contractValue: 5_200_000, medianFirstResponseHours: 30, ratingCount: 10, ratingSum: 46 }),
    );
    expect(result.bayesianRating).toBeCloseTo(4.233333, 6);
    expect(result.rating).toBeCloseTo(0.808333, 6);
    expect(result.deals).toBeCloseTo(1 - Math.exp(-1.2), 12);
    expect(result.value).toBeCloseTo(Math.log10(521) / Math.log10(1001), 12);
    expect(result.conversion).toBe(0.7);
    expect(result.response).toBeCloseTo(48 / 78, 12);
    expect(result.score).toBe(75.5);
    expect(result.level).toBe(BrokerLevel.SENIOR);
  });

  it('caps contract value at 10 million CNY and conversion at 1', () => {
    expect(brokerScore(figures({ contractValue: 50_000_000 })).value).toBe(1);
    expect(brokerScore(figures({ contractValue: 10_000_000 })).value).toBeCloseTo(1, 12);
    expect(brokerScore(figures({ matchesProposed: 1, dealsOpened: 1 })).conversion).toBe(1);
  });

  it('levels by score and completed deals', () => {
    expect(levelFor(69.9, 10)).toBe(BrokerLevel.INTERMEDIATE);
    expect(levelFor(70, 5)).toBe(BrokerLevel.SENIOR);
    expect(levelFor(90, 4)).toBe(BrokerLevel.INTERMEDIATE);
    expect(levelFor(40, 1)).toBe(BrokerLevel.INTERMEDIATE);
    expect(levelFor(39.9, 3)).toBe(BrokerLevel.JUNIOR);
    expect(levelFor(80, 0)).toBe(BrokerLevel.JUNIOR);
  });

  it('moves a new broker from junior to intermediate with one completed, rated deal', () => {
    const before = brokerScore(figures({ matchesProposed: 1, medianFirstResponseHours: 0.5 }));
    const after = brokerScore(
      figures({ matchesProposed: 1, dealsOpened: 1, dealsCompleted: 1, contractValue: 1_200_000, medianFirstResponseHours: 0.5, ratingCount: 2, ratingSum: 9 }),
    );
    expect(before).toMatchObject({ score: 30.5, level: BrokerLevel.JUNIOR });
    expect(after).toMatchObject({ score: 65.7, level: BrokerLevel.INTERMEDIATE });
  });
});
