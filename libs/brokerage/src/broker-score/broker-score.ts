/**
 * The broker score — the one place its formula lives (a unit test pins its numbers).
 *
 * A broker's public score (0–100) combines outcomes with ratings:
 *
 *   score = 100 × ( 0.25·R + 0.25·D + 0.20·V + 0.15·C + 0.15·T ), rounded to one decimal, where
 *
 *   R  rating     = (B − 1) / 4, B the Bayesian average of the 1–5 star ratings:
 *                   B = (C₀·m + Σ stars) / (C₀ + n), prior mean m = 3.5 stars, prior weight C₀ = 5 ratings.
 *                   A few perfect ratings move B little; many good ones move it far (two 5★ → 3.93,
 *                   forty 4.8★ → 4.66), so volume of good ratings beats a lucky start.
 *   D  deals      = 1 − e^(−completed / 5): completed deals, saturating (5 deals ≈ 0.63, 15 ≈ 0.95).
 *   V  value      = min(1, log₁₀(1 + value / 10 000) / log₁₀(1 + 1 000)): registered contract value in CNY on a
 *                   log scale, 10 000 000 CNY or more = 1 (one huge contract cannot dominate).
 *   C  conversion = deals opened / matches proposed (0 with no proposals): how often proposals become deals.
 *   T  response   = 1 / (1 + h / 48), h the median hours from a need's publication to the broker's first
 *                   proposal for it (the "first mile"); 0 when the broker has proposed nothing.
 *
 * Levels: SENIOR at score ≥ 70 with at least 5 completed deals; INTERMEDIATE at score ≥ 40 with at
 * least 1 completed deal; otherwise JUNIOR. The deal minimums keep a broker with a good prior and no
 * results from being levelled up by ratings or speed alone.
 */

export const RATING_PRIOR_MEAN = 3.5;
export const RATING_PRIOR_WEIGHT = 5;
export const COMPLETED_DEALS_SCALE = 5;
export const CONTRACT_VALUE_UNIT_CNY = 10_000;
export const CONTRACT_VALUE_FULL_CNY = 10_000_000;
export const RESPONSE_HALF_SCORE_HOURS = 48;

export const SCORE_WEIGHTS = { rating: 0.25, deals: 0.25, value: 0.2, conversion: 0.15, response: 0.15 } as const;

export enum BrokerLevel {
  JUNIOR = 'JUNIOR',
  INTERMEDIATE = 'INTERMEDIATE',
  SENIOR = 'SENIOR',
}

/** From the highest level down: the first whose bars a broker clears is theirs. */
export const LEVEL_THRESHOLDS: readonly { level: BrokerLevel; minScore: number; minCompletedDeals: number }[] = [
  { level: BrokerLevel.SENIOR, minScore: 70, minCompletedDeals: 5 },
  { level: BrokerLevel.INTERMEDIATE, minScore: 40, minCompletedDeals: 1 },
];

/** The figures behind a score (everything is counted from the brokerage's own records). */
export interface BrokerFigures {
  matchesProposed: number;
  dealsOpened: number;
  dealsCompleted: number;
  contractValue: number;
  medianFirstResponseHours: number | null;
  ratingCount: number;
  ratingSum: number;
}

export interface BrokerScoreBreakdown {
  /** Bayesian average stars (B). */
  bayesianRating: number;
  rating: number;
  deals: number;
  value: number;
  conversion: number;
  response: number;
  score: number;
  level: BrokerLevel;
}

export function bayesianRating(ratingCount: number, ratingSum: number): number {
  return (RATING_PRIOR_WEIGHT * RATING_PRIOR_MEAN + ratingSum) / (RATING_PRIOR_WEIGHT + ratingCount);
}

export function levelFor(score: number, dealsCompleted: number): BrokerLevel {
  const reached = LEVEL_THRESHOLDS.find((bar) => score >= bar.minScore && dealsCompleted >= bar.minCompletedDeals);
  return reached?.level ?? BrokerLevel.JUNIOR;
}

export function brokerScore(figures: BrokerFigures): BrokerScoreBreakdown {
  const bayesian = bayesianRating(figures.ratingCount, figures.ratingSum);
  const rating = (bayesian - 1) / 4;
  const deals = 1 - Math.exp(-figures.dealsCompleted / COMPLETED_DEALS_SCALE);
  const value = Math.min(
    1,
    Math.log10(1 + figures.contractValue / CONTRACT_VALUE_UNIT_CNY) / Math.log10(1 + CONTRACT_VALUE_FULL_CNY / CONTRACT_VALUE_UNIT_CNY),
  );
  const conversion = figures.matchesProposed > 0 ? Math.min(1, figures.dealsOpened / figures.matchesProposed) : 0;
  const response = figures.medianFirstResponseHours === null ? 0 : 1 / (1 + Math.max(0, figures.medianFirstResponseHours) / RESPONSE_HALF_SCORE_HOURS);
  const weighted =
    SCORE_WEIGHTS.rating * rating +
    SCORE_WEIGHTS.deals * deals +
    SCORE_WEIGHTS.value * value +
    SCORE_WEIGHTS.conversion * conversion +
    SCORE_WEIGHTS.response * response;
  const score = Math.round(weighted * 1000) / 10;
  return { bayesianRating: bayesian, rating, deals, value, conversion, response, score, level: levelFor(score, figures.dealsCompleted) };
}
