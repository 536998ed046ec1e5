/**
 * The industry taxonomy: the city's industries (fashion textiles and the newer ones), with the
 * GB/T 4754-2017 class they fall under where one fits. Codes are stable identifiers stored in
 * listings and search facets; names are what people read. Two levels: top-level industries and
 * their sub-industries (a sub-industry's code starts with its parent's code and an underscore).
 */
export interface Industry {
  code: string;
  name: string;
  /** Parent industry code; top-level industries have none. */
  parent: string | null;
  /**
   * GB/T 4754-2017 code(s) this industry corresponds to, where one fits (division, group or class
   * level). Empty where no class fits cleanly — new industries cut across the national classes.
   */
  gbt4754: string[];
  /**
   * The top-level industry this one's products are made for (纺织服装机械 serves 时尚纺织): a textile
   * machinery result answers a textile need as much as a result of a sibling sub-industry does.
   */
  serves?: string;
}

const top = (code: string, name: string, gbt4754: string[] = []): Industry => ({ code, name, parent: null, gbt4754 });
const sub = (parent: string, suffix: string, name: string, gbt4754: string[] = []): Industry => ({
  code: `${parent}_${suffix}`,
  name,
  parent,
  gbt4754,
});

export const INDUSTRIES: readonly Industry[] = [
  // 17 纺织业, 18 纺织服装、服饰业, 19 皮革、毛皮、羽毛及其制品和制鞋业
  top('TEXTILE', '时尚纺织', ['17', '18', '19']),
  // 191 皮革鞣制加工, 192 皮革制品制造
  sub('TEXTILE', 'LEATHER', '皮革', ['191', '192']),
  // 1761 针织或钩针编织物织造
  sub('TEXTILE', 'WARP_KNITTING', '经编', ['1761']),
  // 177 家用纺织制成品制造
  sub('TEXTILE', 'HOME', '家纺', ['177']),
  // 181 机织服装制造, 182 针织或钩针编织服装制造
  sub('TEXTILE', 'APPAREL', '服装', ['181', '182']),
  // Socks are split between knitted goods and apparel accessories in the national classes: none fits cleanly.
  sub('TEXTILE', 'HOSIERY', '袜业'),
  // Dyeing and finishing is spread over several classes (171x, 172x, 175x, 176x).
  sub('TEXTILE', 'DYEING', '印染整理'),

  // 397 电子器件制造, 3562 半导体器件专用设备制造, 3985 电子专用材料制造
  top('SEMICONDUCTOR', '泛半导体', ['397', '3562', '3985']),
  // 3973 集成电路制造
  sub('SEMICONDUCTOR', 'IC', '集成电路', ['3973']),
  // 3972 半导体分立器件制造
  sub('SEMICONDUCTOR', 'POWER_DEVICE', '功率与分立器件', ['3972']),
  // 3974 显示器件制造, 3976 光电子器件制造
  sub('SEMICONDUCTOR', 'OPTOELECTRONICS', '光电子与显示', ['3974', '3976']),
  // 3562 半导体器件专用设备制造
  sub('SEMICONDUCTOR', 'EQUIPMENT', '半导体装备', ['3562']),
  // 3985 电子专用材料制造
  sub('SEMICONDUCTOR', 'MATERIAL', '半导体材料', ['3985']),

  // 34 通用设备制造业, 35 专用设备制造业, 40 仪器仪表制造业
  top('EQUIPMENT', '高端装备', ['34', '35', '40']),
  // 3551 纺织专用设备制造, 3553 缝制机械制造
  { ...sub('EQUIPMENT', 'TEXTILE_MACHINERY', '纺织服装机械', ['3551', '3553']), serves: 'TEXTILE' },
  // 3491 工业机器人制造
  sub('EQUIPMENT', 'ROBOTICS', '工业机器人与智能产线', ['3491']),
  // 3421 金属切削机床制造
  sub('EQUIPMENT', 'MACHINE_TOOL', '数控机床', ['3421']),
  // 345 轴承、齿轮和传动部件制造
  sub('EQUIPMENT', 'TRANSMISSION', '轴承与传动部件', ['345']),
  // 40 仪器仪表制造业
  sub('EQUIPMENT', 'INSTRUMENT', '仪器仪表与检测装备', ['40']),
  // 3493 增材制造装备制造
  sub('EQUIPMENT', 'ADDITIVE', '增材制造', ['3493']),

  // 3825 光伏设备及元器件制造, 3841 锂离子电池制造, 4416 太阳能发电
  top('NEW_ENERGY', '光伏新能源', ['3825', '3841', '4416']),
  sub('NEW_ENERGY', 'PV', '光伏', ['3825', '4416']),
  sub('NEW_ENERGY', 'BATTERY', '锂电与储能', ['3841']),
  sub('NEW_ENERGY', 'HYDROGEN', '氢能'),
  sub('NEW_ENERGY', 'SMART_GRID', '智能电网与综合能源'),

  top('NEW_MATERIAL', '新材料'),
  // 282 合成纤维制造
  sub('NEW_MATERIAL', 'FIBER', '高性能纤维', ['282']),
  // 265 合成材料制造, 2921 塑料薄膜制造
  sub('NEW_MATERIAL', 'POLYMER', '高分子与功能膜材料', ['265', '2921']),
  sub('NEW_MATERIAL', 'COMPOSITE', '先进复合材料'),
  sub('NEW_MATERIAL', 'METAL', '先进金属材料'),

  // 27 医药制造业, 358 医疗仪器设备及器械制造
  top('LIFE_HEALTH', '生命健康', ['27', '358']),
  sub('LIFE_HEALTH', 'MEDICAL_DEVICE', '医疗器械', ['358']),
  sub('LIFE_HEALTH', 'PHARMA', '生物医药', ['27']),
  sub('LIFE_HEALTH', 'DIAGNOSTICS', '体外诊断'),

  // 374 航空、航天器及设备制造
  top('AEROSPACE', '航空航天', ['374']),
  // 3744 航空相关设备制造
  sub('AEROSPACE', 'PARTS', '航空零部件', ['3744']),
  sub('AEROSPACE', 'UAV', '无人机'),

  // 65 软件和信息技术服务业
  top('DIGITAL', '数字经济与人工智能', ['65']),
  sub('DIGITAL', 'AI', '人工智能'),
  // 651 软件开发
  sub('DIGITAL', 'INDUSTRIAL_SOFTWARE', '工业软件与工业互联网', ['651']),

  // 77 生态保护和环境治理业, 3591 环境保护专用设备制造, 42 废弃资源综合利用业
  top('ENERGY_SAVING', '节能环保', ['77', '3591', '42']),
  // 7721 水污染治理
  sub('ENERGY_SAVING', 'WATER', '水污染治理', ['7721']),
  // 7722 大气污染治理
  sub('ENERGY_SAVING', 'AIR', '大气污染治理', ['7722']),
  sub('ENERGY_SAVING', 'EFFICIENCY', '节能与余热利用'),
  // 42 废弃资源综合利用业
  sub('ENERGY_SAVING', 'RECYCLING', '资源循环利用', ['42']),
];

const BY_CODE = new Map(INDUSTRIES.map((industry) => [industry.code, industry]));
const CHILDREN = new Map<string, Industry[]>();
for (const industry of INDUSTRIES) {
  if (industry.parent) CHILDREN.set(industry.parent, [...(CHILDREN.get(industry.parent) ?? []), industry]);
}

export const TOP_LEVEL_INDUSTRIES: readonly Industry[] = INDUSTRIES.filter((industry) => industry.parent === null);

export const isIndustryCode = (code: string): boolean => BY_CODE.has(code);
export const industryByCode = (code: string): Industry | undefined => BY_CODE.get(code);
export const industryName = (code: string): string => BY_CODE.get(code)?.name ?? code;

/** The industry and its ancestors, top-level first (e.g. [时尚纺织, 经编]); empty for an unknown code. */
export function industryPath(code: string): Industry[] {
  const path: Industry[] = [];
  for (let industry = BY_CODE.get(code); industry; industry = industry.parent ? BY_CODE.get(industry.parent) : undefined) {
    path.unshift(industry);
  }
  return path;
}

/**
 * The top-level industry two industries have in common — the same one, or the one either serves
 * (`Industry.serves`) — or undefined.
 */
export function commonTopLevelIndustry(a: string, b: string): Industry | undefined {
  const topOf = (code: string) => industryPath(code)[0];
  const [topA, topB] = [topOf(a), topOf(b)];
  if (!topA || !topB) return undefined;
  if (topA.code === topB.code) return topA;
  const served = (code: string) => BY_CODE.get(code)?.serves;
  if (served(a) === topB.code) return topB;
  if (served(b) === topA.code) return topA;
  return undefined;
}

/** Direct sub-industries of an industry; empty for a leaf or an unknown code. */
export const childIndustries = (code: string): Industry[] => [...(CHILDREN.get(code) ?? [])];

/**
 * The codes a filter on `code` should match: the industry itself and all its sub-industries
 * (filtering on 时尚纺织 finds listings filed under 经编). Empty for an unknown code.
 */
export function industryWithDescendants(code: string): string[] {
  if (!BY_CODE.has(code)) return [];
  return [code, ...childIndustries(code).flatMap((child) => industryWithDescendants(child.code))];
}
