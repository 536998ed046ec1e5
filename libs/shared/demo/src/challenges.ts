import { demoAccount, demoContact, demoRegion } from './accounts';
import { DemoContact } from './types';

/**
 * Demo 揭榜挂帅 challenges in different stages, with applications, reviewers' score sheets and
 * milestones. Times are offsets in days from the moment of seeding, so the stages stay true
 * whenever the demo is started: one challenge open for applications, one in review (赛马制),
 * one awarded with its first milestone accepted and paid.
 */
export type DemoChallengeStage = 'OPEN' | 'REVIEWING' | 'AWARDED';
export type DemoApplicationStatus = 'SUBMITTED' | 'SHORTLISTED' | 'AWARDED' | 'REJECTED';
export type DemoMilestoneStatus = 'PENDING' | 'SUBMITTED' | 'ACCEPTED' | 'REWORK_REQUESTED';

export interface DemoIndicator {
  name: string;
  targetValue: string;
  unit: string | null;
  verificationMethod: string;
}

export interface DemoPlannedMilestone {
  title: string;
  deliverable: string;
  /** Days from seeding to the due date. */
  dueInDays: number;
  sharePercent: number;
}

export interface DemoScoreSheet {
  reviewerId: string;
  /** One 0–10 score per indicator, in order. */
  scores: number[];
  comment: string | null;
}

/** What happened to a milestone of an awarded application (in plan order). */
export interface DemoMilestoneProgress {
  status: DemoMilestoneStatus;
  /** What the team delivered (SUBMITTED / ACCEPTED / REWORK_REQUESTED). */
  submission: string | null;
  /** Days before seeding it was submitted / accepted. */
  submittedDaysAgo: number | null;
  acceptedDaysAgo: number | null;
}

export interface DemoChallengeApplication {
  id: string;
  applicantId: string;
  teamName: string;
  members: { name: string; title: string | null; organization: string }[];
  technicalRoute: string;
  plan: DemoPlannedMilestone[];
  quote: number;
  priorResults: string | null;
  status: DemoApplicationStatus;
  rejectionReason: string | null;
  /** Days before seeding it was submitted. */
  appliedDaysAgo: number;
  scores: DemoScoreSheet[];
  /** Awarded applications only: one entry per planned milestone. */
  milestones: DemoMilestoneProgress[];
}

export interface DemoChallenge {
  id: string;
  ownerId: string;
  organizationName: string;
  title: string;
  description: string;
  industry: string;
  keywords: string[];
  regionCode: string;
  indicators: DemoIndicator[];
  bounty: number;
  eligibility: string;
  /** Days from seeding: negative = in the past. */
  opensInDays: number;
  closesInDays: number;
  deliveryMonths: number;
  allowsMultipleWinners: boolean;
  maxWinners: number;
  stage: DemoChallengeStage;
  contact: DemoContact;
  applications: DemoChallengeApplication[];
}

/** Challenges …5000000000NN, applications …6000000000NN, milestones …7000000000NN (same scheme as ids.ts). */
const demoUuid = (prefix: string, n: number): string => `00000000-0000-4000-8000-${prefix}${String(n).padStart(11, '0')}`;
export const challengeId = (n: number): string => demoUuid('5', n);
export const challengeApplicationId = (n: number): string => demoUuid('6', n);
export const challengeMilestoneId = (n: number): string => demoUuid('7', n);

const ADMIN = 1;
const pending: DemoMilestoneProgress = { status: 'PENDING', submission: null, submittedDaysAgo: null, acceptedDaysAgo: null };

export const DEMO_CHALLENGES: readonly DemoChallenge[] = [
  {
    id: challengeId(1),
    ownerId: demoAccount(101),
    organizationName: '海宁恒锦经编有限公司',
    title: '高速经编机断纱在线检测与自动停机技术攻关',
    description:
      '公司42台高速特里科经编机（机速2800 r/min，每台约3000根经纱）断纱依靠人工巡检，平均发现时间超过40秒，月均疵点损失约18万元。现张榜征集断纱在线检测与自动停机整体方案：检测响应快、检出率高、误停少，能与现有控制系统联动，单台改造成本可控，先在4台机上试点，验收合格后推广到全部机台。',
    industry: 'TEXTILE_WARP_KNITTING',
    keywords: ['断纱检测', '经编机', '机器视觉', '自动停机'],
    regionCode: demoRegion(101),
    indicators: [
      { name: '断纱检出率', targetValue: '≥ 99.5', unit: '%', verificationMethod: '第三方检测机构在试点机台连续72小时现场测试' },
      { name: '检测响应时间', targetValue: '≤ 50', unit: 'ms', verificationMethod: '高速摄像与控制系统日志比对' },
      { name: '误停率', targetValue: '≤ 1', unit: '次/台·班', verificationMethod: '企业试点一个月运行记录' },
      { name: '单台改造成本', targetValue: '≤ 3', unit: '万元', verificationMethod: '推广报价单与物料清单' },
    ],
    bounty: 1_500_000,
    eligibility: '高校、科研院所或科技型企业牵头申报，可联合申报；团队应具有机器视觉、传感检测或纺织装备控制方面的研发经历与成果。',
    opensInDays: -20,
    closesInDays: 40,
    deliveryMonths: 12,
    allowsMultipleWinners: false,
    maxWinners: 1,
    stage: 'OPEN',
    contact: demoContact(101),
    applications: [
      {
        id: challengeApplicationId(1),
        applicantId: demoAccount(201),
        teamName: '浙江理工大学智能纺织装备团队',
        members: [
          { name: '林慧敏', title: '教授', organization: '浙江理工大学' },
          { name: '高远航', title: '讲师', organization: '浙江理工大学' },
        ],
        technicalRoute:
          '线阵相机逐行扫描经纱片，结合红外对射传感冗余检测；边缘计算单元运行轻量化断纱判别模型，经PLC接口联动主机停机。先在实验室经编机上完成样机标定，再到企业4台机试点。',
        plan: [
          { title: '样机研制与实验室标定', deliverable: '检测样机一套及实验室测试报告', dueInDays: 130, sharePercent: 30 },
          { title: '4台机现场试点', deliverable: '试点运行一个月记录与第三方检测报告', dueInDays: 250, sharePercent: 40 },
          { title: '推广方案与验收', deliverable: '推广改造方案、物料清单与验收报告', dueInDays: 380, sharePercent: 30 },
        ],
        quote: 1_380_000,
        priorResults: '授权发明专利2项（纱线疵点视觉检测），主持浙江省重点研发计划项目1项。',
        status: 'SUBMITTED',
        rejectionReason: null,
        appliedDaysAgo: 9,
        scores: [{ reviewerId: demoAccount(101), scores: [8, 8, 7, 7], comment: '技术路线成熟，现场适配方案需细化' }],
        milestones: [],
      },
      {
        id: challengeApplicationId(2),
        applicantId: demoAccount(213),
        teamName: '中国计量大学光电检测课题组',
        members: [{ name: '方卓', title: '副教授', organization: '中国计量大学' }],
        technicalRoute:
          '采用分布式光纤张力传感，在每把梳栉后布设张力监测点，以张力突降判别断纱，避免相机受飞花遮挡；信号经FPGA处理，响应时间目标20 ms。',
        plan: [
          { title: '传感方案验证', deliverable: '单梳栉张力监测样机与测试报告', dueInDays: 150, sharePercent: 50 },
          { title: '整机试点', deliverable: '4台机试点报告与第三方检测报告', dueInDays: 360, sharePercent: 50 },
        ],
        quote: 1_200_000,
        priorResults: '光纤传感相关论文10余篇，授权发明专利1项。',
        status: 'SUBMITTED',
        rejectionReason: null,
        appliedDaysAgo: 3,
        scores: [],
        milestones: [],
      },
    ],
  },
  {
    id: challengeId(2),
    ownerId: demoAccount(107),
    organizationName: '海宁晶澜光伏科技有限公司',
    title: '钙钛矿/晶硅叠层组件封装湿热稳定性攻关',
    description:
      '公司中试线已能制备钙钛矿/晶硅叠层组件，但双85湿热老化1000小时后效率衰减超过15%，无法满足IEC 61215认证要求。张榜征集封装材料与工艺整体解决方案，要求与现有层压设备兼容，封装成本增加可控，并完成认证送检。',
    industry: 'NEW_ENERGY_PV',
    keywords: ['钙钛矿', '叠层组件', '封装', '湿热稳定性'],
    regionCode: demoRegion(107),
    indicators: [
      { name: '双85老化1000小时效率保持率', targetValue: '≥ 95', unit: '%', verificationMethod: '具备CNAS资质的第三方检测报告' },
      { name: '水汽透过率', targetValue: '≤ 0.001', unit: 'g/m²·d', verificationMethod: '封装膜材第三方检测报告' },
      { name: '封装成本增加', targetValue: '≤ 0.05', unit: '元/W', verificationMethod: '中试线物料核算' },
    ],
    bounty: 3_000_000,
    eligibility: '具有钙钛矿光伏或光伏封装材料研究基础的高校、科研院所，可与材料企业联合申报。',
    opensInDays: -80,
    closesInDays: -30,
    deliveryMonths: 12,
    allowsMultipleWinners: false,
    maxWinners: 1,
    stage: 'AWARDED',
    contact: demoContact(107),
    applications: [
      {
        id: challengeApplicationId(3),
        applicantId: demoAccount(209),
        teamName: '宁波材料所光伏封装团队',
        members: [
          { name: '冯书涵', title: '研究员', organization: '中国科学院宁波材料技术与工程研究所' },
          { name: '邵振宁', title: '副研究员', organization: '中国科学院宁波材料技术与工程研究所' },
        ],
        technicalRoute:
          '原子层沉积氧化铝阻隔层加丁基胶边缘密封，配合低温固化POE封装胶膜，层压温度降至120℃以下以保护钙钛矿层；与企业现有层压机工艺窗口对接。',
        plan: [
          { title: '阻隔层与胶膜开发', deliverable: '封装材料小样及水汽透过率检测报告', dueInDays: -10, sharePercent: 30 },
          { title: '中试线工艺导入', deliverable: '中试组件100片及工艺文件', dueInDays: 90, sharePercent: 40 },
          { title: '认证送检与验收', deliverable: 'IEC 61215湿热老化第三方检测报告与验收报告', dueInDays: 250, sharePercent: 30 },
        ],
        quote: 2_800_000,
        priorResults: '钙钛矿封装相关发明专利3项，承担国家重点研发计划课题1项。',
        status: 'AWARDED',
        rejectionReason: null,
        appliedDaysAgo: 70,
        scores: [
          { reviewerId: demoAccount(107), scores: [9, 8, 7], comment: '方案完整，前期中试数据扎实' },
          { reviewerId: demoAccount(ADMIN), scores: [8, 9, 8], comment: null },
        ],
        milestones: [
          { status: 'ACCEPTED', submission: '封装材料小样5组，水汽透过率检测报告编号NIMTE-2026-0412', submittedDaysAgo: 15, acceptedDaysAgo: 8 },
          { status: 'SUBMITTED', submission: '中试组件100片已交付，工艺文件V1.0', submittedDaysAgo: 2, acceptedDaysAgo: null },
          pending,
        ],
      },
      {
        id: challengeApplicationId(4),
        applicantId: demoAccount(216),
        teamName: '浙江工业大学新能源材料团队',
        members: [{ name: '谢婉清', title: '教授', organization: '浙江工业大学' }],
        technicalRoute: '采用有机-无机杂化多层阻隔膜卷对卷涂布，配合紫外固化边封胶，目标在不改动层压设备的前提下提升湿热稳定性。',
        plan: [
          { title: '阻隔膜开发', deliverable: '阻隔膜样品与检测报告', dueInDays: 60, sharePercent: 50 },
          { title: '组件验证', deliverable: '组件湿热老化检测报告', dueInDays: 240, sharePercent: 50 },
        ],
        quote: 2_500_000,
        priorResults: '柔性阻隔膜相关论文与专利若干。',
        status: 'REJECTED',
        rejectionReason: '本榜揭榜名额已满，感谢参与',
        appliedDaysAgo: 60,
        scores: [
          { reviewerId: demoAccount(107), scores: [7, 7, 8], comment: '成本有优势，但湿热数据不足' },
          { reviewerId: demoAccount(ADMIN), scores: [6, 7, 8], comment: null },
        ],
        milestones: [],
      },
    ],
  },
  {
    id: challengeId(3),
    ownerId: demoAccount(ADMIN),
    organizationName: '海宁市科学技术局',
    title: '车规级碳化硅功率模块高导热银烧结材料（赛马制）',
    description:
      '面向新能源汽车电驱用碳化硅功率模块，攻关低温低压银烧结连接材料及工艺，替代进口银膏。采用赛马制，最多支持两支团队并行攻关，按指标完成情况分阶段验收拨付。',
    industry: 'SEMICONDUCTOR_POWER_DEVICE',
    keywords: ['碳化硅', '银烧结', '功率模块', '封装材料'],
    regionCode: '330481',
    indicators: [
      { name: '烧结层热导率', targetValue: '≥ 200', unit: 'W/(m·K)', verificationMethod: '激光闪射法第三方检测' },
      { name: '剪切强度', targetValue: '≥ 40', unit: 'MPa', verificationMethod: '第三方剪切强度测试报告' },
      { name: '温度循环可靠性', targetValue: '≥ 1000', unit: '次（-40～175℃）', verificationMethod: 'AQG 324温度循环试验报告' },
    ],
    bounty: 5_000_000,
    eligibility: '在浙江省内注册的高校、科研院所或企业，具备电子封装材料研发条件；鼓励产学研联合申报。',
    opensInDays: -50,
    closesInDays: -5,
    deliveryMonths: 18,
    allowsMultipleWinners: true,
    maxWinners: 2,
    stage: 'REVIEWING',
    contact: demoContact(ADMIN),
    applications: [
      {
        id: challengeApplicationId(5),
        applicantId: demoAccount(211),
        teamName: '宁波材料所电子封装材料组',
        members: [{ name: '邵振宁', title: '副研究员', organization: '中国科学院宁波材料技术与工程研究所' }],
        technicalRoute: '纳微米混合银颗粒配方，表面有机包覆调控烧结活性，实现250℃、5 MPa以下烧结；联合模块厂验证可靠性。',
        plan: [
          { title: '银膏配方定型', deliverable: '银膏样品与热导率、剪切强度检测报告', dueInDays: 180, sharePercent: 40 },
          { title: '模块级可靠性验证', deliverable: 'AQG 324温度循环试验报告与验收报告', dueInDays: 500, sharePercent: 60 },
        ],
        quote: 2_400_000,
        priorResults: '电子浆料相关发明专利4项。',
        status: 'SHORTLISTED',
        rejectionReason: null,
        appliedDaysAgo: 20,
        scores: [{ reviewerId: demoAccount(ADMIN), scores: [8, 8, 7], comment: '配方基础好' }],
        milestones: [],
      },
      {
        id: challengeApplicationId(6),
        applicantId: demoAccount(214),
        teamName: '浙江大学功率半导体封装团队',
        members: [
          { name: '陈墨阳', title: '研究员', organization: '浙江大学' },
          { name: '潘思齐', title: '博士后', organization: '浙江大学' },
        ],
        technicalRoute: '银铜复合烧结体系降低材料成本，配合压力辅助烧结工艺，重点解决大面积芯片贴装空洞率问题。',
        plan: [
          { title: '材料与工艺开发', deliverable: '复合烧结材料样品与检测报告', dueInDays: 200, sharePercent: 50 },
          { title: '模块验证', deliverable: '可靠性试验报告与验收报告', dueInDays: 520, sharePercent: 50 },
        ],
        quote: 2_500_000,
        priorResults: '功率模块封装领域论文20余篇，与多家车企有合作。',
        status: 'SUBMITTED',
        rejectionReason: null,
        appliedDaysAgo: 12,
        scores: [],
        milestones: [],
      },
    ],
  },
];
