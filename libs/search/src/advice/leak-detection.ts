import { INDUSTRIES, REGIONS } from '@ttm/taxonomy';

/** Where a need's public text says something: the title, the description or a keyword. */
export type PublicField = 'TITLE' | 'DESCRIPTION' | 'KEYWORDS';
export type LeakKind = 'ORGANIZATION_NAME' | 'PHONE' | 'EMAIL' | 'ADDRESS';

export interface LeakWarning {
  kind: LeakKind;
  field: PublicField;
  /** The text as written, so the author can find it. */
  found: string;
  /** What was found, where, and what to do, in Chinese. */
  message: string;
}

export interface PublicText {
  title: string;
  description: string;
  keywords: readonly string[];
}

const FIELD_NAMES: Record<PublicField, string> = { TITLE: '标题', DESCRIPTION: '问题描述', KEYWORDS: '关键词' };

/**
 * Patterns of contact details and addresses in public text. Each is anchored against the characters
 * around it so that technical numbers are not taken for phones: a mobile number is 11 digits starting
 * 1[3-9] that is not part of a longer number or code (ZL202310123456.6, 20231012 are not); a landline
 * needs its area code and a dash or brackets (0573-87654321, (0573)87654321), so a bare 8-digit figure
 * or a date (2023-10-12) is not one.
 */
const MOBILE = /(?<![\dA-Za-z.])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![\dA-Za-z.])/g;
const LANDLINE = /(?<![\dA-Za-z.])(?:0\d{2,3}-|[(（]0\d{2,3}[)）]\s?)[2-9]\d{6,7}(?:-\d{1,6})?(?![\dA-Za-z.])|(?<![\dA-Za-z.])[48]00-?\d{3}-?\d{4}(?![\dA-Za-z.])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * Street addresses: …路/街/大道/巷/弄 + number + 号 (文化路 88 号), a 街道 (sub-district) named after a
 * city/district/county or followed by a house number, and an industrial park with a building number
 * (经编产业园区 3 幢). Technical words ending in 路 (电路, 油路, 光路 …) are not streets.
 */
const STREET = /[\u4e00-\u9fa5]{1,10}(?:路|街|大道|巷|弄)\s*\d+(?:-\d+)?\s*号/g;
const NOT_STREETS = /(?:电|线|回|通|油|气|水|光|支|旁|链|流|思|岔|气|管|油|风|循环|控制)路\s*\d/;
const SUB_DISTRICT = /(?:[省市区县]|位于|地址|地处)([\u4e00-\u9fa5]{2,4}街道)|([\u4e00-\u9fa5]{2,4}街道)(?=[^，。；;\n]{0,20}?\d+\s*号)/g;
/** Words before an address that are not part of it (工厂位于…, 车间在…): an address is quoted from after them. */
const BEFORE_ADDRESS = /^.*(?:位于|地址是?|地处|坐落于|坐落在|设在|在|于)[:：]?/;
const PARK = /[\u4e00-\u9fa5]{0,10}(?:工业园区|工业园|产业园区|产业园|科技园|开发区|高新区|经济区|工业功能区)[\u4e00-\u9fa5A-Za-z]{0,10}?\s*\d+\s*(?:号|幢|栋|号楼|楼|室|号厂房)/g;

/** Legal forms and generic tails of a company name, longest first, stripped to find the name people use. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司', '总厂', '分厂', '厂'];
/** Industry words that follow a company's own name (恒锦 + 经编, 晶澜 + 光伏 + 科技). */
const TRADE_WORDS = [
  ...new Set([
    '科技', '技术', '实业', '工贸', '贸易', '制品', '智能', '装备', '机械', '信息', '材料', '新材料', '新能源', '能源', '电子', '环保', '医疗器械', '器械', '服饰', '服装',
    '袜业', '家纺', '纺织', '印染', '皮革', '经编', '半导体', '光伏', '航空部件', '部件', '生物', '医药', '化工', '电气', '精密', '自动化',
    ...INDUSTRIES.map((industry) => industry.name),
  ]),
].sort((a, b) => b.length - a.length);
/** Place names a company name may start with: 浙江, 嘉兴, 海宁 (with or without 省/市/县/区). */
const PLACE_NAMES = [...new Set(REGIONS.flatMap((region) => [region.name, region.name.replace(/(?:省|市|县|区|自治区)$/, '')]))]
  .filter((name) => name.length >= 2)
  .sort((a, b) => b.length - a.length);

const stripPrefix = (value: string, prefixes: readonly string[]) => {
  for (const prefix of prefixes) if (value.startsWith(prefix) && value.length > prefix.length) return value.slice(prefix.length);
  return value;
};
const stripSuffix = (value: string, suffixes: readonly string[]) => {
  for (const suffix of suffixes) if (value.endsWith(suffix) && value.length > suffix.length) return value.slice(0, -suffix.length);
  return value;
};

/**
 * The forms of an organisation's name that would identify it: the full name, without its legal form
 * (海宁恒锦经编), without its place (恒锦经编), and its own name without trade words (恒锦) — as long as
 * that is at least two characters and not itself a generic word (`isGeneric`: an industry name or a
 * technical term of the knowledge graph, so 浙江光伏科技有限公司 does not flag every text about 光伏).
 */
export function organizationNameForms(name: string, isGeneric: (form: string) => boolean = () => false): string[] {
  const full = name.replace(/\s+/g, '');
  if (full.length < 2) return [];
  const withoutLegal = stripSuffix(stripSuffix(full, LEGAL_FORMS), LEGAL_FORMS);
  let own = stripPrefix(stripPrefix(withoutLegal, PLACE_NAMES), PLACE_NAMES);
  const withoutPlace = own;
  for (let previous = ''; previous !== own; ) {
    previous = own;
    own = stripSuffix(own, TRADE_WORDS);
  }
  const industryNames = new Set(INDUSTRIES.map((industry) => industry.name));
  const forms = [full, withoutLegal, withoutPlace, own].filter(
    (form) => form.length >= 2 && !PLACE_NAMES.includes(form) && !industryNames.has(form) && !LEGAL_FORMS.includes(form) && !isGeneric(form),
  );
  // Longest first, so the warning quotes the longest form found.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

interface Found {
  kind: LeakKind;
  text: string;
}

/** A sub-district name made of generic words (城市主干街道, 背街小巷) is a kind of street, not an address. */
const GENERIC_SUB_DISTRICT = /主干|次干|背街|城市|城区|市政|道路|沿街|两侧|各|的|和|与|及|等|条|这|那/;

/** Contact details and addresses in a text, left to right; of overlapping findings the longest is kept. */
function contactsIn(text: string): Found[] {
  const found: (Found & { start: number })[] = [];
  const add = (kind: LeakKind, match: RegExpMatchArray, value = match[0]) => {
    const start = (match.index ?? 0) + match[0].indexOf(value);
    found.push({ kind, text: value.trim(), start });
  };
  for (const match of text.matchAll(MOBILE)) add('PHONE', match);
  for (const match of text.matchAll(LANDLINE)) add('PHONE', match);
  for (const match of text.matchAll(EMAIL)) add('EMAIL', match);
  const addAddress = (match: RegExpMatchArray) => add('ADDRESS', match, match[0].replace(BEFORE_ADDRESS, ''));
  for (const match of text.matchAll(STREET)) if (!NOT_STREETS.test(match[0])) addAddress(match);
  for (const match of text.matchAll(SUB_DISTRICT)) {
    const name = (match[1] ?? match[2]) as string;
    if (!GENERIC_SUB_DISTRICT.test(name.slice(0, -2))) add('ADDRESS', match, name);
  }
  for (const match of text.matchAll(PARK)) addAddress(match);
  const kept: (Found & { start: number })[] = [];
  for (const item of [...found].sort((a, b) => b.text.length - a.text.length)) {
    const end = item.start + item.text.length;
    if (!kept.some((other) => item.start < other.start + other.text.length && other.start < end)) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start).map(({ kind, text: value }) => ({ kind, text: value }));
}

function message(kind: LeakKind, field: PublicField, found: string, anonymous: boolean): string {
  const where = `${FIELD_NAMES[field]}中`;
  switch (kind) {
    case 'ORGANIZATION_NAME':
      return `${where}出现单位名称“${found}”：匿名发布时会暴露贵单位，请改为“某企业”或删去`;
    case 'PHONE':
      return `${where}出现电话号码“${found}”：${anonymous ? '会暴露贵单位，' : ''}公开内容不要留电话，请删去并填在“联系人”一栏（仅对接方可见）`;
    case 'EMAIL':
      return `${where}出现电子邮箱“${found}”：${anonymous ? '会暴露贵单位，' : ''}公开内容不要留邮箱，请删去并填在“联系人”一栏（仅对接方可见）`;
    case 'ADDRESS':
      return `${where}出现详细地址“${found}”：${anonymous ? '会暴露贵单位，' : ''}请删去，地区用“所在地区”一栏选择即可`;
  }
}

/**
 * What in a need's public text (title, description, keywords) gives away who posted it or how to reach
 * them past the platform. Phones, e-mail addresses and street addresses are always warned about (the
 * contact fields are shown only to matched parties); the organisation's name only when the need is
 * anonymous (otherwise it is shown anyway). Each finding is reported once per field.
 */
export function detectLeaks(text: PublicText, options: { anonymous: boolean; organizationName?: string | null; isGeneric?: (form: string) => boolean }): LeakWarning[] {
  const fields: [PublicField, string][] = [
    ['TITLE', text.title],
    ['DESCRIPTION', text.description],
    ['KEYWORDS', text.keywords.join('，')],
  ];
  const names = options.anonymous && options.organizationName ? organizationNameForms(options.organizationName, options.isGeneric) : [];
  const warnings: LeakWarning[] = [];
  for (const [field, value] of fields) {
    const found: Found[] = [];
    const compact = value.replace(/\s+/g, '');
    const name = names.find((form) => compact.includes(form));
    if (name) found.push({ kind: 'ORGANIZATION_NAME', text: name });
    found.push(...contactsIn(value));
    const seen = new Set<string>();
    for (const item of found) {
      const key = `${item.kind}\u0000${item.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ kind: item.kind, field, found: item.text, message: message(item.kind, field, item.text, options.anonymous) });
    }
  }
  return warnings;
}
