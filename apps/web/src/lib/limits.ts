// The API's own field limits and phone formats (one definition, shared with the marketplace's validation).
export { isChinesePhone, LIMITS } from '@ttm/taxonomy/listing-limits';

/** The API's limits for challenges (libs/marketplace/src/challenge/challenge.inputs.ts CHALLENGE_LIMITS). */
export const CHALLENGE_LIMITS = {
  indicators: { min: 1, max: 10 },
  indicatorName: { min: 2, max: 50 },
  targetValue: { min: 1, max: 50 },
  unit: { max: 20 },
  verificationMethod: { min: 4, max: 500 },
  eligibility: { min: 10, max: 2000 },
  deliveryMonths: { min: 1, max: 60 },
  maxWinners: { min: 1, max: 10 },
  reason: { min: 2, max: 500 },
} as const;
