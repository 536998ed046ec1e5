import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ConceptKind, ConceptLabelType, ConceptLanguage } from '../../gql/graphql';
import { errorCode, errorMessage } from '../../lib/errors';

/** The concept kinds in the order the kind filter lists them, with their Chinese names and tag colours. */
export const CONCEPT_KIND_LABELS: Record<ConceptKind, { text: string; color: string }> = {
  PROBLEM: { text: '问题', color: 'red' },
  METHOD: { text: '方法', color: 'blue' },
  PROCESS: { text: '工艺', color: 'geekblue' },
  MATERIAL: { text: '材料', color: 'gold' },
  DEVICE: { text: '设备', color: 'purple' },
  PRODUCT: { text: '产品', color: 'cyan' },
  FIELD: { text: '领域', color: 'default' },
  PROPERTY: { text: '性能', color: 'green' },
};

export const CONCEPT_KINDS = Object.keys(CONCEPT_KIND_LABELS) as ConceptKind[];

export const LABEL_TYPE_LABELS: Record<ConceptLabelType, string> = { PREF: '标准名', ALT: '同义词', HIDDEN: '口语与别称' };
export const LABEL_TYPES = Object.keys(LABEL_TYPE_LABELS) as ConceptLabelType[];
export const LANGUAGE_LABELS: Record<ConceptLanguage, string> = { ZH: '中文', EN: '英文' };

/** Only problems and properties are addressed by something (the graph refuses bridges from other kinds). */
export const hasSolutions = (kind: ConceptKind): boolean => kind === 'PROBLEM' || kind === 'PROPERTY';

/** A label with any Chinese character is Chinese; anything else is taken for English. */
export const labelLanguage = (value: string): ConceptLanguage => (/\p{Script=Han}/u.test(value) ? 'ZH' : 'EN');

/** The API's rule for a concept id (libs/search concept.inputs): lower-case ASCII words joined by -, at most 120 characters. */
export const CONCEPT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 120;

/**
 * The id of a new concept when the curator gives none: its English name as words joined by - (Barre marks →
 * barre-marks); without an English name, the kind and a base-36 stamp (problem-mi1x2k3a), since Chinese names have no
 * ASCII spelling to borrow.
 */
export function newConceptId(kind: ConceptKind, englishName: string | undefined, now: number = Date.now()): string {
  const words = (englishName ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const fromEnglish = words.join('-').slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
  return fromEnglish || `${kind.toLowerCase()}-${now.toString(36)}`;
}

/** What the API says when nothing better is known, by `extensions.code`. */
const CODE_TEXT: Record<string, string> = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '只有管理员和技术经纪人可以编辑知识图谱',
  NOT_FOUND: '该概念、标签或关联不存在，可能已被他人修改，请刷新后重试',
  CONFLICT: '与知识图谱中已有的内容冲突',
  BAD_USER_INPUT: '输入有误，请检查后重试',
};

const HAN = /\p{Script=Han}/u;

/** The Chinese half of a bilingual message ("English / 中文" or "中文 / English"), if it has one. */
export function chinesePart(message: string): string | undefined {
  return message
    .split(' / ')
    .map((part) => part.trim())
    .find((part) => HAN.test(part));
}

/** The graph's own refusal reasons (libs/knowledge validation), said in Chinese. */
export function graphProblemText(problem: { concept: string; message: string }): string {
  const label = /^label "(.*)"@(zh|en) is on (.*?):/.exec(problem.message);
  if (label) return `「${label[1]}」已是另一个概念的标签（涉及：${label[3].split(', ').join('、')}）`;
  const cycle = /^broader cycle: (.*)$/.exec(problem.message);
  if (cycle) return `上位关系形成环：${cycle[1]}`;
  const missing = /^links to (.*), which does not exist$/.exec(problem.message);
  if (missing) return `链接的概念 ${missing[1]} 不存在`;
  if (problem.message === 'needs exactly one Chinese prefLabel') return `${problem.concept} 必须有且只有一个中文标准名`;
  if (problem.message === 'has more than one English prefLabel') return `${problem.concept} 只能有一个英文标准名`;
  if (problem.message.startsWith('only a problem')) return '只有「问题」或「性能」类概念可以添加解决方法';
  return `${problem.concept}: ${problem.message}`;
}

function problemsOf(extensions: Record<string, unknown> | undefined): { concept: string; message: string }[] {
  const problems = extensions?.['problems'];
  return Array.isArray(problems) ? (problems as { concept: string; message: string }[]) : [];
}

/**
 * The curation API's refusals in Chinese: the Chinese half of its bilingual messages, with the graph's
 * reasons translated; for English-only messages, a Chinese sentence by `extensions.code`.
 */
export function curationErrorText(error: unknown): string {
  if (!CombinedGraphQLErrors.is(error) || errorCode(error) === 'TOO_MANY_REQUESTS') return errorMessage(error);
  return error.errors
    .map((item) => {
      const problems = problemsOf(item.extensions).map(graphProblemText);
      const code = typeof item.extensions?.['code'] === 'string' ? item.extensions['code'] : '';
      const headline = chinesePart(item.message) ?? CODE_TEXT[code] ?? item.message;
      return problems.length ? `${headline}：${problems.join('；')}` : headline;
    })
    .join('；');
}
