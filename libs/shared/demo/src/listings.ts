import { ENERGY_RESULTS } from './results-energy';
import { INDUSTRY_RESULTS } from './results-industry';
import { TEXTILE_RESULTS } from './results-textile';
import { DemoResult } from './types';

export { DEMO_EXPERTS } from './experts';
export { DEMO_NEEDS } from './needs';
export { DEMO_MATCH_HINTS } from './matches';

export const DEMO_RESULTS: readonly DemoResult[] = [...TEXTILE_RESULTS, ...ENERGY_RESULTS, ...INDUSTRY_RESULTS];
