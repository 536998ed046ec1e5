import { DemoExpert, DemoNeed, DemoResult } from './types';

export const DEMO_NEEDS: readonly DemoNeed[] = [];
export const DEMO_RESULTS: readonly DemoResult[] = [];
export const DEMO_EXPERTS: readonly DemoExpert[] = [];
