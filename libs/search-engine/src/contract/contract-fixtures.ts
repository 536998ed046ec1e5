import type { IndexSchema } from '../search-engine';

/** A listing-like document for the contract suite (with a status, to test that drafts never leak). */
export interface ContractDoc {
  id: string;
  kind: 'NEED' | 'RESULT' | 'EXPERT' | 'CHALLENGE';
  status: 'PUBLISHED' | 'DRAFT';
  title: string;
  description: string;
  keywords: string[];
  industry: string;
  region: string | null;
  budget: number | null;
  trl: number | null;
  openLicense: boolean;
  publishedAt: string;
}

export const CONTRACT_SCHEMA: IndexSchema<ContractDoc> = {
  fields: {
    id: { type: 'keyword', filterable: true },
    title: { type: 'text', searchWeight: 8 },
    keywords: { type: 'keyword', searchWeight: 6, facet: true },
    description: { type: 'text', searchWeight: 1 },
    kind: { type: 'keyword', facet: true },
    status: { type: 'keyword', filterable: true },
    industry: { type: 'keyword', facet: true },
    region: { type: 'keyword', facet: true },
    budget: { type: 'number', filterable: true, sortable: true },
    trl: { type: 'number', facet: true, sortable: true },
    openLicense: { type: 'boolean', facet: true },
    publishedAt: { type: 'date', filterable: true, sortable: true },
  },
};

/** The synonym list of the issue (the product's defaults live in @ttm/taxonomy). */
export const CONTRACT_SYNONYMS = [
  ['光伏', '太阳能电池'],
  ['锂电', '锂离子电池'],
  ['集成电路', '芯片', '半导体'],
  ['AI', '人工智能'],
];

const doc = (partial: Partial<ContractDoc> & Pick<ContractDoc, 'id' | 'kind' | 'title' | 'description' | 'keywords' | 'industry'>): ContractDoc => ({
  status: 'PUBLISHED',
  region: '330481',
  budget: null,
  trl: null,
  openLicense: false,
  publishedAt: '2024-01-15T08:00:00.000Z',
  ...partial,
});

export const CONTRACT_CORPUS: ContractDoc[] = [
  doc({
    id: 'r-perovskite',
    kind: 'RESULT',
    title: '钙钛矿/晶硅叠层电池制备技术',
    description: '采用溶液法制备大面积钙钛矿薄膜，叠层电池光电转换效率达到28%，工艺温度<150℃。',
    keywords: ['钙钛矿', '叠层电池'],
    industry: 'NEW_ENERGY',
    budget: 3_000_000,
    trl: 5,
    openLicense: true,
    publishedAt: '2024-03-01T08:00:00.000Z',
  }),
  doc({
    id: 'n-pv-cleaning',
    kind: 'NEED',
    title: '光伏组件清洗机器人',
    description: '电站光伏板积灰严重，需要无水清洗机器人，降低运维成本。',
    keywords: ['光伏', '运维'],
    industry: 'NEW_ENERGY',
    budget: 500_000,
    publishedAt: '2024-05-10T08:00:00.000Z',
  }),
  doc({
    id: 'r-solar-crack',
    kind: 'RESULT',
    title: '太阳能电池隐裂智能检测系统',
    description: '基于电致发光图像与深度学习，识别太阳能电池片的隐裂与断栅。',
    keywords: ['太阳能电池', '缺陷检测'],
    industry: 'NEW_ENERGY',
    region: '330100',
    budget: 800_000,
    trl: 7,
    publishedAt: '2024-06-20T08:00:00.000Z',
  }),
  doc({
    id: 'n-warp-yarn',
    kind: 'NEED',
    title: '经编机断纱自动检测',
    description: '经编车间断纱靠人工巡检，希望用机器视觉实时发现断纱并自动停机。',
    keywords: ['经编机', '断纱', '机器视觉'],
    industry: 'TEXTILE',
    budget: 300_000,
    publishedAt: '2024-07-01T08:00:00.000Z',
  }),
  doc({
    id: 'e-textile-ai',
    kind: 'EXPERT',
    title: '纺织智能制造专家',
    description: '研究人工智能在纺织品疵点检测中的应用，主持多项省级项目。',
    keywords: ['人工智能', '疵点检测'],
    industry: 'TEXTILE',
    region: null,
    publishedAt: '2023-11-05T08:00:00.000Z',
  }),
  doc({
    id: 'n-ai-qc',
    kind: 'NEED',
    title: 'AI质检方案征集',
    description: '袜机生产线需要AI视觉质检，识别破洞和漏针。',
    keywords: ['AI', '袜机'],
    industry: 'HOSIERY',
    budget: 200_000,
    publishedAt: '2024-08-08T08:00:00.000Z',
  }),
  doc({
    id: 'r-li-thermal',
    kind: 'RESULT',
    title: '锂离子电池热失控预警技术',
    description: '通过多传感器融合监测锂离子电池温度与气体，提前预警热失控。',
    keywords: ['锂离子电池', '储能安全'],
    industry: 'NEW_ENERGY',
    budget: 1_200_000,
    trl: 6,
    publishedAt: '2024-02-02T08:00:00.000Z',
  }),
  doc({
    id: 'n-li-recycle',
    kind: 'NEED',
    title: '锂电回收工艺',
    description: '寻求废旧锂电正极材料回收再利用技术。',
    keywords: ['锂电', '回收'],
    industry: 'NEW_MATERIALS',
    budget: 1_500_000,
    publishedAt: '2024-04-18T08:00:00.000Z',
  }),
  doc({
    id: 'r-chip-pack',
    kind: 'RESULT',
    title: '芯片先进封装散热材料',
    description: '高导热界面材料，用于芯片封装散热，导热系数大于8 W/mK。',
    keywords: ['芯片', '封装'],
    industry: 'SEMICONDUCTOR',
    budget: 2_000_000,
    trl: 5,
    publishedAt: '2024-01-20T08:00:00.000Z',
  }),
  doc({
    id: 'e-ic-design',
    kind: 'EXPERT',
    title: '集成电路设计教授',
    description: '长期从事模拟集成电路与射频电路设计研究。',
    keywords: ['集成电路', '模拟电路'],
    industry: 'SEMICONDUCTOR',
    region: '330100',
    publishedAt: '2023-09-09T08:00:00.000Z',
  }),
  doc({
    id: 'n-leather',
    kind: 'NEED',
    title: '皮革鞣制废水处理',
    description: '制革企业铬鞣废水处理达标难，寻求无铬鞣制或废水回用技术。',
    keywords: ['皮革', '鞣制', '废水'],
    industry: 'LEATHER',
    budget: 800_000,
    publishedAt: '2024-09-30T08:00:00.000Z',
  }),
  doc({
    id: 'c-perovskite',
    kind: 'CHALLENGE',
    title: '揭榜挂帅：钙钛矿组件稳定性',
    description: '要求钙钛矿组件通过1000小时湿热老化测试，衰减小于5%。',
    keywords: ['钙钛矿', '稳定性'],
    industry: 'NEW_ENERGY',
    budget: 10_000_000,
    publishedAt: '2024-10-01T08:00:00.000Z',
  }),
  doc({
    id: 'r-home-textile',
    kind: 'RESULT',
    title: '家纺面料抗菌整理技术',
    description: '采用壳聚糖抗菌整理，家纺面料洗涤50次后抑菌率仍大于99%。',
    keywords: ['家纺', '抗菌'],
    industry: 'HOME_TEXTILE',
    trl: 8,
    openLicense: true,
    publishedAt: '2024-02-28T08:00:00.000Z',
  }),
  doc({
    id: 'n-draft',
    kind: 'NEED',
    status: 'DRAFT',
    title: '草稿：钙钛矿电池中试需求',
    description: '尚未提交审核的钙钛矿中试需求。',
    keywords: ['钙钛矿'],
    industry: 'NEW_ENERGY',
    budget: 900_000,
    publishedAt: '2024-10-02T08:00:00.000Z',
  }),
];
