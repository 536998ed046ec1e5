/**
 * Fixed, uuid-v4-shaped ids for the demo data. Each kind has its own range so an id is unique
 * across kinds too: accounts …000000000NNN, organisations …1000000000NN, needs …2000000000NN,
 * results …3000000000NN, experts …4000000000NN, challenges 5/6/7 (see challenges.ts), brokerage matches
 * …8000000000NN, deals …9000000000NN, contracts …a000000000NN, broker ratings …b000000000NN.
 */
const demoUuid = (prefix: string, n: number): string =>
  `00000000-0000-4000-8000-${prefix}${String(n).padStart(12 - prefix.length, '0')}`;

export const accountId = (n: number): string => demoUuid('', n);
export const organizationId = (n: number): string => demoUuid('1', n);
export const needId = (n: number): string => demoUuid('2', n);
export const resultId = (n: number): string => demoUuid('3', n);
export const expertId = (n: number): string => demoUuid('4', n);
export const matchId = (n: number): string => demoUuid('8', n);
export const dealId = (n: number): string => demoUuid('9', n);
export const contractId = (n: number): string => demoUuid('a', n);
export const brokerRatingId = (n: number): string => demoUuid('b', n);
