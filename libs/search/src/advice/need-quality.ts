import { LIMITS } from '@ttm/taxonomy';

/**
 * The quality score of a need being written: four criteria, each 0–5, total 0–20. Every point is one
 * rule below that either holds of the draft or not, so the score is deterministic and each missing point
 * has a fix-it line saying what to add. The rules look for what a researcher needs to judge whether they
 * can solve the problem — what is wrong with what, by how much it should improve, under which
 * conditions, and on what terms — not for style.
 */
export type CriterionKey = 'PROBLEM_CLARITY' | 'MEASURABLE_TARGETS' | 'CONTEXT' | 'COOPERATION';

export const CRITERION_MAX = 5;
/** A criterion scoring this or less gets its fix-it lines shown. */
export const WEAK_CRITERION = 3;

export interface CriterionScore {
  key: CriterionKey;
  label: string;
  score: number;
  /** What to add, in Chinese, for a weak criterion (score ≤ WEAK_CRITERION); empty otherwise. */
  fixes: string[];
}

export interface NeedQuality {
  total: number;
  criteria: CriterionScore[];
}

export interface NeedDraftText {
  title: string;
  /** The description as saved: the problem, then the form's indicator lines (「- 检出率：≥ 99.5%」). */
  description: string;
  keywords: readonly string[];
  budgetMin: number | null;
  budgetMax: number | null;
  cooperationModes: readonly string[];
  /** YYYY-MM-DD, when the need gives a deadline. */
  deadline: string | null;
  minTrl: number | null;
}

/** What the knowledge graph found in the draft: labels of the problems and of the objects (devices, products, materials, processes) it names. */
export interface NamedConcepts {
  problems: readonly string[];
  objects: readonly string[];
}

/** A point of a criterion: whether the draft earns it, and the fix-it line when it does not. */
interface Rule {
  holds: boolean;
  fix: string;
}

const CRITERION_LABELS: Record<CriterionKey, string> = {
  PROBLEM_CLARITY: '问题清晰度',
  MEASURABLE_TARGETS: '可量化目标',
  CONTEXT: '现状与约束',
  COOPERATION: '合作预期',
};

/** A number with a unit of measure (2000 rpm, 3 米, 99.5%, 200 ms), or a comparison with a number (≥ 99, < 200). */
const UNITS =
  '%|％|‰|倍|小时|h|分钟|min|秒|s|ms|毫秒|μs|天|周|个月|月|年|万元|万|元|米|m|cm|mm|μm|um|nm|km|kg|g|mg|吨|t|℃|°C|K|kW|kWh|MW|W|V|kV|mA|A|Ω|MPa|GPa|Pa|N|rpm|r/min|转/分|次|台|件|个|片|根|匹|条|dB|ppm|ppb|lux|Hz|kHz|MHz|GHz|L|mL|m³|m²|dtex|D|旦|目|级|帧|fps|像素|mAh|Wh/kg';
const MEASURE = new RegExp(`[≥≤<>＜＞]=?\\s*\\d+(?:\\.\\d+)?(?:\\s*(?:${UNITS})(?![A-Za-z]))?|\\d+(?:\\.\\d+)?\\s*(?:${UNITS})(?![A-Za-z])`, 'gi');
/** A target value: a comparison, or words that set a goal or a bound next to a number. */
const TARGET = /[≥≤<>＜＞]=?\s*\d|(?:不低于|不少于|不高于|不超过|不大于|不小于|达到|提高到|提升到|提升至|提高至|降低到|降至|降到|控制在|小于|大于|低于|高于|以内|以上|以下|至少|最多|目标)[^，。；\n]{0,8}\d|\d[^，。；\n]{0,6}(?:以内|以上|以下|之内)/;
/** Dates (2026-03-01, 2026年3月, 2026.3) are not measures, though 年 and 月 are units of a duration. */
const DATE = /(?<!\d)(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,2})?|年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)/g;
/** Indicator lines the form appends to the description (descriptionWithIndicators in the web app). */
const INDICATOR_LINE = /^- .+?：.+$/gm;
/** Words that say something is better without saying by how much. */
const VAGUE_WORDS = ['一些', '若干', '更好', '较好', '先进', '大幅', '明显', '尽量', '高端', '一流', '领先', '优化', '提升'];

/** The symptom or problem: what goes wrong (a problem concept of the graph counts too). */
const SYMPTOM =
  /问题|缺陷|故障|不良|瑕疵|疵点|漏检|误检|偏高|偏低|过高|过低|不足|不稳定|波动|断裂|开裂|裂纹|隐裂|变形|磨损|腐蚀|老化|衰减|损耗|泄漏|堵塞|污染|超标|误差|偏差|难以|无法|不能|达不到|效率低|成本高|良率|合格率|返工|退货|投诉|依赖人工|瓶颈|痛点/;
/** The object: the machine, product, material or process concerned (an object concept of the graph counts too). */
const OBJECT = /机|设备|装置|产线|生产线|车间|工艺|工序|材料|产品|部件|零件|组件|器件|模块|系统|平台|面料|坯布|纱线|纤维|皮革|电池|芯片|晶圆|涂层|薄膜/;
/** The current state: how it is done or how it performs today. */
const CURRENT_STATE = /目前|现有|现状|当前|现阶段|现在|一直|长期|每天|每月|每年|平均|靠人工|人工|现采用|原采用|使用的是|依靠/;

/** Scale: output, number of machines, lines or batches. */
const SCALE = /年产|日产|月产|产能|产量|规模|批量|\d+\s*(?:台|条(?:产线|生产线|线)?|吨|万米|万件|万片|万只|米\/天|件\/天|片\/天|个车间|个班|班次)/;
/** Equipment and systems in place. */
const EQUIPMENT = /设备|机台|型号|产线|生产线|机器|装置|控制系统|PLC|MES|ERP|DCS|传感器|相机|现有系统/i;
/** What has been tried already. */
const TRIED = /尝试|试过|试用过|采用过|使用过|曾经|曾用|已经|已有|现有方案|效果不佳|效果不好|效果有限|不理想|未能|没能|没有解决|仍然|依然/;
/** Constraints, by kind: any two kinds earn both points. */
const CONSTRAINTS: readonly RegExp[] = [
  /成本|造价|投资|单价|费用|价格/, // cost
  /空间|场地|安装位置|尺寸|体积|占地|机台上/, // space
  /不停机|停机时间|周期|工期|节拍|交期|时间内|个月内|年内|上线时间/, // time
  /兼容|对接|加装|接口|不改变|不影响|原有|现有设备上|现有机台上/, // fit with what is there
  /环保|排放|能耗|安全|法规|标准|认证|GB|ISO|防爆|无毒/i, // regulation and safety
];

/** A timeline written in the text (交付周期, 6 个月内, 年底前). */
const TIMELINE = /周期|工期|交付|进度|个月内?|年内|年底|月底|季度|\d{4}\s*年\s*\d{1,2}\s*月|之前完成|前完成/;
/** A pilot, trial or acceptance test. */
const PILOT = /中试|小试|试点|试用|验证|验收|样机|示范线?|试生产|先用后转|现场测试|上线试运行/;

const countMatches = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
const scoreOf = (rules: readonly Rule[]) => Math.min(CRITERION_MAX, rules.filter((rule) => rule.holds).length);

function criterion(key: CriterionKey, rules: readonly Rule[], override?: { score: number; fixes: string[] }): CriterionScore {
  const score = override?.score ?? scoreOf(rules);
  const fixes = score <= WEAK_CRITERION ? (override?.fixes ?? rules.filter((rule) => !rule.holds).map((rule) => rule.fix)) : [];
  return { key, label: CRITERION_LABELS[key], score, fixes };
}

/**
 * Problem clarity — a point each for: a title naming object and problem (≥ 8 characters); the object
 * (a machine, product, material or process); the symptom or problem; the current state; and a
 * description long enough to say it (≥ 80 characters without the indicator lines).
 */
function problemClarity(draft: NeedDraftText, problemText: string, named: NamedConcepts): CriterionScore {
  const title = draft.title.trim();
  const text = `${title}\n${problemText}`;
  const length = problemText.trim().length;
  const rules: Rule[] = [
    { holds: title.length >= 8, fix: '标题写明对象和问题，如「经编机断纱在线视觉检测与自动停机」' },
    { holds: named.objects.length > 0 || OBJECT.test(text), fix: '写明问题出在什么对象上：哪台设备、哪种产品、材料或工序' },
    { holds: named.problems.length > 0 || SYMPTOM.test(text), fix: '写明具体症状，如「高速运行时断纱漏检，平均每次造成 3 米疵布」' },
    { holds: CURRENT_STATE.test(problemText), fix: '写明现状：目前怎么做、做到什么程度，如「目前靠人工巡检，漏检率约 5%」' },
    {
      holds: length >= 80,
      fix: length < LIMITS.description.min ? `问题描述至少 ${LIMITS.description.min} 个字（当前 ${length} 个）` : `描述偏短（${length} 字）：补充现状、使用场景和要解决的难点，写到 80 字以上`,
    },
  ];
  return criterion('PROBLEM_CLARITY', rules);
}

/**
 * Measurable targets — numbers with units and indicator lines count as measures: one measure 2 points,
 * two 3, three or more 4; a stated target value (≥ 99.5%, 不超过 200 ms, 降至 …) one more. Two or more
 * vague words (明显, 大幅, 先进 …) with at most one measure cost a point: they promise without saying how much.
 */
function measurableTargets(draft: NeedDraftText): CriterionScore {
  const text = `${draft.title}\n${draft.description}`.replace(DATE, ' ');
  const indicators = countMatches(draft.description, INDICATOR_LINE);
  const measures = countMatches(text, MEASURE) + indicators;
  const hasTarget = TARGET.test(text) || indicators > 0;
  const vague = VAGUE_WORDS.filter((word) => text.includes(word));
  let score = measures === 0 ? 0 : measures === 1 ? 2 : measures === 2 ? 3 : 4;
  if (hasTarget) score += 1;
  if (vague.length >= 2 && measures <= 1) score -= 1;
  score = Math.max(0, Math.min(CRITERION_MAX, score));
  const fixes: string[] = [];
  if (!hasTarget) fixes.push('写明目标值，如「检出率 ≥ 99.5%」「停机响应 < 200 ms」「成本降低 20%」');
  if (measures < 3) fixes.push('给出带单位的现状数据和指标，如「车速 2000 rpm」「良率 92%」「每班 8 小时」，可在“可量化的技术指标”中逐条填写');
  if (vague.length >= 2) fixes.push(`「${vague.join('」「')}」等说法较模糊，请用数字说明要达到的程度`);
  return criterion('MEASURABLE_TARGETS', [], { score, fixes });
}

/** Context and constraints — a point each for scale, equipment in place, what was tried, and one per kind of constraint (at most two). */
function contextAndConstraints(draft: NeedDraftText, problemText: string): CriterionScore {
  const constraintKinds = CONSTRAINTS.filter((pattern) => pattern.test(problemText)).length;
  const rules: Rule[] = [
    { holds: SCALE.test(problemText), fix: '写明规模，如「年产 3000 万米」「共 40 台机台」' },
    { holds: EQUIPMENT.test(problemText), fix: '写明现有设备或系统，如机台型号、控制系统（PLC/MES）' },
    { holds: TRIED.test(problemText), fix: '写明已经尝试过的方法和效果，如「试过光电式探头，细旦丝漏检严重」' },
    { holds: constraintKinds >= 1, fix: '写明限制条件：成本上限、安装空间、停机时间、与现有设备的兼容等' },
    { holds: constraintKinds >= 2, fix: '再补充一类约束（成本、空间、时间、兼容、环保安全），方案才能对路' },
  ];
  return criterion('CONTEXT', rules);
}

/** Cooperation expectations — a point each for a budget, a cooperation mode, a timeline, a pilot or acceptance test, a minimum TRL. */
function cooperation(draft: NeedDraftText, text: string): CriterionScore {
  const rules: Rule[] = [
    { holds: draft.budgetMin != null || draft.budgetMax != null, fix: '填写预算范围（万元），专家才能判断方案的投入' },
    { holds: draft.cooperationModes.length > 0, fix: '选择合作方式，如合作开发、技术许可' },
    { holds: draft.deadline != null || TIMELINE.test(text), fix: '写明时间要求，如「6 个月内完成样机」，或填写截止日期' },
    { holds: PILOT.test(text), fix: '说明验证方式，如「先在 2 台机台上中试，验收后推广」' },
    { holds: draft.minTrl != null, fix: '选择最低技术成熟度（TRL），如需要可直接上线的方案选 TRL 7 以上' },
  ];
  return criterion('COOPERATION', rules);
}

/** The four criteria and their total, for a draft and what the knowledge graph found in it. */
export function scoreNeed(draft: NeedDraftText, named: NamedConcepts = { problems: [], objects: [] }): NeedQuality {
  // The problem itself, without the indicator lines: context rules read what the author wrote about it.
  const problemText = draft.description.replace(INDICATOR_LINE, '').trim();
  const text = `${draft.title}\n${draft.description}`;
  const criteria = [problemClarity(draft, problemText, named), measurableTargets(draft), contextAndConstraints(draft, problemText), cooperation(draft, text)];
  return { total: criteria.reduce((sum, item) => sum + item.score, 0), criteria };
}
