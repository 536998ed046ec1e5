import type { Role } from '../lib/session';

export interface NavItem {
  path: string;
  label: string;
  /** Who sees it; everyone when absent. */
  roles?: Role[];
}

/** The header menu: a page appears here once it exists. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '找技术' },
  { path: '/enterprise/needs', label: '我的需求', roles: ['ENTERPRISE'] },
  { path: '/admin/review', label: '审核队列', roles: ['ADMIN'] },
];
