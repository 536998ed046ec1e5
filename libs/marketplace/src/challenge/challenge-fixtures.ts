import { chinaDateIn, clock } from '@ttm/clock';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The date in China `days` from today (the shared clock's), as the rules count dates. */
export const dateIn = (days: number, now: Date = clock.now()): string => chinaDateIn(days, now);

/** A valid challenge: window open since an hour ago, closing in 30 days, delivery within 12 months. */
export function challengeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = clock.now().getTime();
  return {
    title: '高速经编机断纱在线检测技术攻关',
    description: '面向2800 r/min高速经编机，研发断纱在线检测与自动停机系统，解决人工巡检漏检率高、疵点损失大的问题。',
    industry: 'TEXTILE',
    keywords: ['断纱检测', '经编机', '机器视觉'],
    regionCode: '330481',
    indicators: [
      { name: '检出率', targetValue: '≥ 99.5', unit: '%', verificationMethod: '第三方检测机构现场测试报告' },
      { name: '响应时间', targetValue: '≤ 50', unit: 'ms', verificationMethod: '企业现场连续运行一个月记录' },
    ],
    bounty: 1_000_000,
    eligibility: '高校、科研院所或科技型企业牵头，团队具有机器视觉或纺织装备相关研发经历。',
    applicationOpensAt: new Date(now - 60 * 60 * 1000).toISOString(),
    applicationClosesAt: new Date(now + 30 * DAY_MS).toISOString(),
    deliveryMonths: 12,
    allowsMultipleWinners: false,
    contact: { name: '沈工', phone: '0573-87251018', email: 'shen@example.com' },
    organizationName: '海宁某经编有限公司',
    ...overrides,
  };
}

/** A valid application to `challengeId`: two milestones, 40% and 60%. */
export function applicationInput(challengeId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    challengeId,
    teamName: '智能纺织装备课题组',
    members: [
      { name: '林慧敏', title: '教授', organization: '浙江理工大学' },
      { name: '丁卫东', title: '副教授', organization: '浙江理工大学' },
    ],
    technicalRoute: '采用线阵相机与红外对射传感融合检测，边缘计算单元实时判别断纱并联动主机停机，先在4台机上试点再推广。',
    milestones: [
      { title: '样机研制', deliverable: '检测样机一套及实验室测试报告', dueDate: dateIn(90), sharePercent: 40 },
      { title: '现场验收', deliverable: '4台机试点运行报告及第三方检测报告', dueDate: dateIn(200), sharePercent: 60 },
    ],
    quote: 900_000,
    priorResults: '发明专利2项（纱线疵点视觉检测），省重点研发项目1项。',
    ...overrides,
  };
}

export const CHALLENGE_FIELDS = `
  id status version stage title bounty maxWinners allowsMultipleWinners applicationOpensAt applicationClosesAt deliveryMonths
  eligibility keywords organizationName owner { id } contact { name }
  indicators { name targetValue unit verificationMethod }
`;

export const APPLICATION_FIELDS = `
  id challengeId status teamName quote rejectionReason shortlistedAt awardedAt version applicant { id }
  members { name title organization } plan { title dueDate sharePercent }
  scoreSheets { reviewer { id } items { indicator score } total comment }
  averageScore
  milestones { id sequence isFinal title status amount sharePercent submission reworkNote acceptedAt paidAt }
  challenge { id stage }
`;
