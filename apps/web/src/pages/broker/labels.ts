export const DEAL_STAGES = ['NEGOTIATING', 'CONTRACT_SIGNED', 'COMPLETED', 'FAILED'] as const;
export const DEAL_STAGE_LABELS: Record<string, string> = { NEGOTIATING: '洽谈中', CONTRACT_SIGNED: '已签合同', COMPLETED: '已完成', FAILED: '未成交' };
export const MATCH_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  PROPOSED: { text: '待回应', color: 'processing' },
  ACCEPTED: { text: '双方接受', color: 'success' },
  DECLINED: { text: '已拒绝', color: 'default' },
};
export const LEVEL_LABELS: Record<string, string> = { JUNIOR: '初级经纪人', INTERMEDIATE: '中级经纪人', SENIOR: '高级经纪人' };
