/**
 * Fixed, uuid-v4-shaped ids for the demo data. Each kind has its own range so an id is unique
 * across kinds too: accounts …000000000NNN, organisations …1000000000NN, needs …2000000000NN,
 * results …3000000000NN, experts …4000000000NN.
 */
const demoUuid = (prefix: string, n: number): string =>
  `00000000-0000-4000-8000-${prefix}${String(n).padStart(12 - prefix.length, '0')}`;

export const accountId = (n: number): string => demoUuid('', n);
export const organizationId = (n: number): string => demoUuid('1', n);
export const needId = (n: number): string => demoUuid('2', n);
export const resultId = (n: number): string => demoUuid('3', n);
export const expertId = (n: number): string => demoUuid('4', n);
