import { DemoResult } from './types';

export { DEMO_EXPERTS } from './experts';
export { DEMO_NEEDS } from './needs';
export const DEMO_RESULTS: readonly DemoResult[] = [];
