/** Chinese names of the API's enum values (the schema documents the same names). */
export const KIND_LABELS = { NEED: '技术需求', RESULT: '科技成果', EXPERT: '专家', CHALLENGE: '揭榜挂帅' } as const;
export type ListingKindName = keyof typeof KIND_LABELS;

export const COOPERATION_MODE_LABELS: Record<string, string> = {
  TRANSFER: '转让',
  LICENSE: '许可',
  EQUITY: '作价入股',
  JOINT_DEVELOPMENT: '合作开发',
  TECH_SERVICE: '技术服务',
};

export const IP_TYPE_LABELS: Record<string, string> = {
  INVENTION_PATENT: '发明专利',
  UTILITY_MODEL: '实用新型',
  DESIGN_PATENT: '外观设计',
  SOFTWARE_COPYRIGHT: '软件著作权',
  KNOW_HOW: '技术秘密',
  OTHER: '其他',
};

export const STATUS_LABELS: Record<string, { text: string; color: string }> = {
  DRAFT: { text: '草稿', color: 'default' },
  PENDING_REVIEW: { text: '待审核', color: 'processing' },
  PUBLISHED: { text: '已发布', color: 'success' },
  REJECTED: { text: '已驳回', color: 'error' },
  CLOSED: { text: '已关闭', color: 'default' },
};

export const STAGE_LABELS: Record<string, string> = {
  UPCOMING: '即将开始',
  OPEN: '揭榜中',
  REVIEWING: '评审中',
  AWARDED: '已授榜',
  COMPLETED: '已完成',
  CANCELLED: '已撤榜',
};

export const ROLE_LABELS: Record<string, string> = { ENTERPRISE: '企业', RESEARCHER: '科研人员', BROKER: '技术经纪人', ADMIN: '管理员' };

/** 800000 → 80 万元 */
export function yuan(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '面议';
  return amount >= 10_000 ? `${(amount / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元` : `${amount.toLocaleString('zh-CN')} 元`;
}

export function budgetRange(min: number | null | undefined, max: number | null | undefined): string {
  if (min == null && max == null) return '面议';
  if (min != null && max != null) return `${yuan(min)} – ${yuan(max)}`;
  return min != null ? `不低于 ${yuan(min)}` : `不高于 ${yuan(max)}`;
}

export const dateText = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '—');

export const APPLICATION_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  SUBMITTED: { text: '已提交', color: 'processing' },
  SHORTLISTED: { text: '入围', color: 'gold' },
  AWARDED: { text: '中榜', color: 'success' },
  REJECTED: { text: '未入选', color: 'default' },
};

export const MILESTONE_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  PENDING: { text: '未开始', color: 'default' },
  SUBMITTED: { text: '待验收', color: 'processing' },
  REWORK_REQUESTED: { text: '需整改', color: 'warning' },
  ACCEPTED: { text: '已验收', color: 'success' },
};
