/**
 * The indicators of the guided need form, kept in the description as lines under a heading. How well a
 * need is written is judged by the API (`needAdvice`, rules in libs/search/src/advice/need-quality.ts),
 * which reads these lines as measurable targets.
 */
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
