import { DemoAccount, DemoOrganization } from './types';

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [];
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [];
