import { DemoNeed, DemoResult } from './types';

export { DEMO_EXPERTS } from './experts';
export const DEMO_NEEDS: readonly DemoNeed[] = [];
export const DEMO_RESULTS: readonly DemoResult[] = [];
