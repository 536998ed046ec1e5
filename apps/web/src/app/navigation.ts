import { ALL_ROLES, type Role } from '../lib/session';

export interface NavItem {
  path: string;
  label: string;
  /** Who sees it; everyone when absent. */
  roles?: Role[];
  /** A different name for some roles (the first of the user's roles listed here wins). */
  labelFor?: Partial<Record<Role, string>>;
}

/** The header menu: a page appears here once it exists, once per user. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '找技术' },
  { path: '/enterprise/needs', label: '我的需求', roles: ['ENTERPRISE'] },
  { path: '/enterprise/challenges', label: '我的榜单', roles: ['ENTERPRISE'] },
  { path: '/researcher/results', label: '我的成果', roles: ['RESEARCHER'] },
  { path: '/researcher/applications', label: '我的揭榜', roles: ['RESEARCHER'] },
  { path: '/broker/desk', label: '撮合工作台', roles: ['BROKER'] },
  { path: '/broker/score', label: '我的评分', roles: ['BROKER'] },
  { path: '/admin/review', label: '审核队列', roles: ['ADMIN'] },
  { path: '/admin/challenges', label: '榜单管理', roles: ['ADMIN'] },
  { path: '/admin/organizations', label: '机构认证', roles: ['ADMIN'] },
  { path: '/knowledge', label: '知识图谱', roles: ['ADMIN', 'BROKER'] },
  { path: '/admin/synonyms', label: '同义词', roles: ['ADMIN'] },
  { path: '/admin/link-weights', label: '关联学习', roles: ['ADMIN'] },
  { path: '/admin/stats', label: '市场统计', roles: ['ADMIN'] },
  { path: '/admin/audit', label: '审计日志', roles: ['ADMIN'] },
  { path: '/matches', label: '撮合推荐', roles: ['ENTERPRISE', 'RESEARCHER'] },
  { path: '/deals', label: '我的交易', labelFor: { BROKER: '交易看板' }, roles: ['BROKER', 'ENTERPRISE', 'RESEARCHER'] },
  { path: '/brokers', label: '经纪人榜' },
  // Last: on a crowded header it is the first to fold into the overflow menu.
  { path: '/saved-searches', label: '我的订阅', roles: ALL_ROLES },
];

export function navLabel(item: NavItem, roles: readonly Role[]): string {
  const role = roles.find((candidate) => item.labelFor?.[candidate]);
  return (role && item.labelFor?.[role]) ?? item.label;
}

/** A page's heading: its menu name for this user, so the two always match. */
export function pageTitle(path: string, roles: readonly Role[]): string {
  const item = NAV_ITEMS.find((candidate) => candidate.path === path);
  if (!item) throw new Error(`no menu item for ${path}`);
  return navLabel(item, roles);
}
