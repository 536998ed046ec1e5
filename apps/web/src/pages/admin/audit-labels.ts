import { KIND_LABELS, ROLE_LABELS, STATUS_LABELS, type ListingKindName } from '../../lib/labels';

/** 操作: the Chinese name of each audit action (the API documents the same names). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  LISTING_APPROVED: '审核通过',
  LISTING_REJECTED: '审核驳回',
  LISTING_TAKEN_DOWN: '下架',
  LINK_WEIGHT_REVERTED: '撤销权重调整',
  LINK_WEIGHT_RESET: '重置关联权重',
  ORGANIZATION_VERIFIED: '机构认证',
  ORGANIZATION_UNVERIFIED: '撤销认证',
  USER_ROLES_CHANGED: '修改角色',
  SYNONYM_GROUP_CREATED: '新增同义词组',
  SYNONYM_GROUP_UPDATED: '修改同义词组',
  SYNONYM_GROUP_DELETED: '删除同义词组',
  CONCEPT_CREATED: '新增概念',
  CONCEPT_UPDATED: '修改概念',
  CONCEPT_DELETED: '删除概念',
  KNOWLEDGE_GRAPH_IMPORTED: '导入知识图谱',
};

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  ...KIND_LABELS,
  CONCEPT_LINK: '概念关联',
  USER: '用户',
  ORGANIZATION: '机构',
  SYNONYM_GROUP: '同义词组',
  CONCEPT: '概念',
  KNOWLEDGE_GRAPH: '知识图谱',
};

export const AUDIT_SERVICE_LABELS: Record<string, string> = { identity: '账户服务', marketplace: '供需服务', search: '搜索服务' };

export const isListingKind = (type: string): type is ListingKindName => type in KIND_LABELS;

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the date and time in China (UTC+8), whatever the browser's zone: 2026-01-08 09:05:03. */
export function chinaTimeText(iso: string): string {
  const parts = Object.fromEntries(CHINA_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

const FIELD_LABELS: Record<string, string> = {
  roles: '角色',
  status: '状态',
  verified: '认证',
  verifiedAt: '认证时间',
  terms: '同义词',
  weight: '权重',
  labels: '标签',
  kind: '类型',
  industries: '行业',
  broader: '上位概念',
  related: '相关概念',
  addressedBy: '解决方法',
  notes: '编辑注释',
};

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (field === 'roles' && Array.isArray(value)) return value.map((role) => ROLE_LABELS[String(role)] ?? String(role)).join('、');
  if (field === 'status') return STATUS_LABELS[String(value)]?.text ?? String(value);
  if (field === 'verified') return value ? '已认证' : '未认证';
  if (field.endsWith('At') && typeof value === 'string') return chinaTimeText(value);
  if (Array.isArray(value)) return value.map(String).join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

/** 变更前 → 变更后: one line per field that differs; a target created or deleted shows 无 on its empty side. */
export function changeLines(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): ChangeLine[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((field) => JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null))
    .map((field) => ({
      field: FIELD_LABELS[field] ?? field,
      before: before ? valueText(field, before[field]) : '无',
      after: after ? valueText(field, after[field]) : '已删除',
    }));
}
