/** Chinese names of the brokerage API's enum values (as the schema documents them). */
export const DEAL_STAGES = ['NEGOTIATING', 'CONTRACT_SIGNED', 'COMPLETED', 'FAILED'] as const;

export const DEAL_STAGE_LABELS: Record<string, { text: string; color: string }> = {
  NEGOTIATING: { text: '洽谈中', color: 'processing' },
  CONTRACT_SIGNED: { text: '已签约', color: 'blue' },
  COMPLETED: { text: '已完成', color: 'success' },
  FAILED: { text: '未成交', color: 'error' },
};

export const MATCH_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  PROPOSED: { text: '已推荐', color: 'processing' },
  ACCEPTED: { text: '双方接受', color: 'success' },
  DECLINED: { text: '已拒绝', color: 'error' },
};

export const DECLINE_REASON_LABELS: Record<string, string> = {
  NOT_TECHNICAL_FIT: '技术不对口',
  TOO_EARLY_STAGE: '技术成熟度不够',
  PRICE: '价格不合适',
  ALREADY_SOLVED: '问题已解决',
  OTHER: '其他',
};

export const CONTRACT_TYPE_LABELS: Record<string, string> = {
  DEVELOPMENT: '技术开发',
  TRANSFER: '技术转让',
  LICENCE: '技术许可',
  CONSULTING: '技术咨询',
  SERVICE: '技术服务',
};

export const BROKER_LEVEL_LABELS: Record<string, string> = {
  JUNIOR: '初级技术经纪人',
  INTERMEDIATE: '中级技术经纪人',
  SENIOR: '高级技术经纪人',
};

export const ACTIVITY_LABELS: Record<string, string> = {
  OPENED: '交易开启',
  STAGE_CHANGED: '阶段变更',
  CONTRACT_REGISTERED: '合同登记',
  BROKER_RATED: '评价经纪人',
};

export const SIDE_LABELS: Record<string, string> = { NEED: '需求方', COUNTERPART: '供给方' };

/** Limits the API enforces (libs/brokerage), mirrored so forms refuse what the API would. */
export const BROKERAGE_LIMITS = {
  note: { min: 2, max: 2000 },
  declineText: { max: 500 },
  failureReason: { max: 1000 },
  partyName: { min: 2, max: 200 },
  partyRole: { min: 1, max: 50 },
  parties: { min: 2, max: 10 },
  comment: { max: 1000 },
} as const;
