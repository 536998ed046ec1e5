import { LIMITS } from '../../lib/limits';

export interface WritingAdvice {
  level: 'error' | 'warning' | 'success';
  text: string;
}

/** Words that say something is better without saying by how much. */
const VAGUE_WORDS = ['一些', '若干', '更好', '较好', '先进', '大幅', '明显', '尽量', '高端', '一流', '领先', '优化', '提升'];
const MEASURE = /\d+(\.\d+)?\s*(%|％|倍|小时|h|分钟|秒|s|ms|毫秒|天|年|月|万|元|米|m|mm|μm|um|nm|kg|g|吨|℃|°C|kW|W|V|A|MPa|次|台|件|个|dB|ppm)|[≥≤<>]=?\s*\d/i;

/**
 * Advice for writing a need others can answer: a long enough description, measurable indicators and
 * few vague words. Advice only — the API's limits are enforced by the form's rules.
 */
export function needWritingAdvice(title: string, description: string, indicators: Indicator[]): WritingAdvice[] {
  const advice: WritingAdvice[] = [];
  const text = description.trim();
  const filledIndicators = indicators.filter((indicator) => indicator.name?.trim() && indicator.target?.trim());
  if (title.trim().length > 0 && title.trim().length < 8) advice.push({ level: 'warning', text: '标题较短：写明对象和要解决的问题，如「经编机断纱在线视觉检测」' });
  if (text.length < LIMITS.description.min) {
    advice.push({ level: 'error', text: `问题描述至少 ${LIMITS.description.min} 个字（当前 ${text.length} 个）` });
  } else if (text.length < 80) {
    advice.push({ level: 'warning', text: `描述偏短（${text.length} 字）：补充现状、已尝试的方法、使用场景和约束条件，专家才能判断能否解决` });
  }
  if (filledIndicators.length === 0 && !MEASURE.test(text)) {
    advice.push({ level: 'warning', text: '缺少可量化指标：请给出目标值，如「检出率 ≥ 99%」「成本降低 20%」「响应时间 < 200 ms」' });
  }
  const vague = VAGUE_WORDS.filter((word) => text.includes(word));
  if (vague.length >= 2 && !MEASURE.test(text)) advice.push({ level: 'warning', text: `「${vague.join('」「')}」等说法较模糊，请用数字说明要达到的程度` });
  if (advice.length === 0 && text.length > 0) advice.push({ level: 'success', text: '描述清楚、有量化指标，便于匹配成果和专家' });
  return advice;
}

const INDICATOR_HEADING = '\n\n技术指标：\n';
const INDICATOR_LINE = /^- (.+?)：(.+)$/;

export interface Indicator {
  name?: string;
  target?: string;
}

/** The description as sent to the API: the problem, then the measurable indicators as lines. */
export function descriptionWithIndicators(description: string, indicators: Indicator[]): string {
  const lines = indicators.filter((indicator) => indicator.name?.trim() && indicator.target?.trim()).map((indicator) => `- ${indicator.name?.trim()}：${indicator.target?.trim()}`);
  return lines.length ? `${description.trim()}${INDICATOR_HEADING}${lines.join('\n')}` : description.trim();
}

/** The reverse of descriptionWithIndicators, to edit a saved need; text in any other shape stays the description. */
export function splitIndicators(text: string): { description: string; indicators: Indicator[] } {
  const at = text.lastIndexOf(INDICATOR_HEADING);
  const matches = at < 0 ? [] : text.slice(at + INDICATOR_HEADING.length).split('\n').map((line) => INDICATOR_LINE.exec(line));
  if (!matches.length || matches.some((match) => !match)) return { description: text, indicators: [{}] };
  return { description: text.slice(0, at), indicators: matches.map((match) => ({ name: match?.[1], target: match?.[2] })) };
}
