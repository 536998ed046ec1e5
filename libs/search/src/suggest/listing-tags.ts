import { condenseQuery } from '@ttm/search-engine';
import { INDUSTRIES, Industry } from '@ttm/taxonomy';
import type { ListingKnowledge } from '../concepts/listing-concepts';

export const SUGGESTED_KEYWORDS = 6;
export const SUGGESTED_INDUSTRIES = 3;

/** Words that describe any request rather than its topic; never suggested as keywords. */
const GENERIC_WORDS = new Set(['技术', '需求', '问题', '希望', '要求', '公司', '我司', '企业', '项目', '研究', '开发', '提供', '实现', '进行', '目前', '需要', '解决', '合作', '采用', '基于', '通过', '以上', '以下', '不低于', '达到', '提高', '降低', '高效', '生产', '环境', '测试', '效果', '方法', '系统']);

/** The text's key terms, best first: TF-IDF over jieba's segmentation, without generic words. */
export function suggestKeywords(text: string, max = SUGGESTED_KEYWORDS): string[] {
  return condenseQuery(text, max * 3)
    .filter((term) => term.length >= 2 && !GENERIC_WORDS.has(term) && !/^[\d.%]+$/.test(term))
    .slice(0, max);
}

/** Industries whose name appears in the text (e.g. 光伏, 经编), each with how often. */
export function industriesNamed(text: string): Map<string, number> {
  const named = new Map<string, number>();
  for (const industry of INDUSTRIES) {
    const occurrences = text.split(industry.name).length - 1;
    if (occurrences > 0) named.set(industry.code, occurrences);
  }
  return named;
}

/** The industries of the knowledge-graph concepts a text names, each counted once per mention of a concept. */
export function conceptIndustries(knowledge: ListingKnowledge, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const annotation of knowledge.annotationsOf({ title: text, description: '', keywords: [] })) {
    for (const code of knowledge.graph.concept(annotation.concept)?.industries ?? []) counts.set(code, (counts.get(code) ?? 0) + annotation.count);
  }
  return counts;
}

/**
 * Combines the evidence into a ranking: an industry named in the text counts double, facet counts of
 * listings found by the keywords count once, and so do the industries of the knowledge-graph concepts
 * the text names (as a share of the most named one); the more specific industry wins a tie.
 */
export function rankIndustries(
  named: Map<string, number>,
  facetCounts: Map<string, number>,
  max = SUGGESTED_INDUSTRIES,
  fromConcepts: Map<string, number> = new Map(),
): { industry: Industry; confidence: number }[] {
  const byCode = new Map(INDUSTRIES.map((industry) => [industry.code, industry]));
  const evidence = new Map<string, number>();
  const add = (code: string, amount: number) => evidence.set(code, (evidence.get(code) ?? 0) + amount);
  const namedTotal = [...named.values()].reduce((sum, count) => sum + count, 0) || 1;
  const facetTotal = Math.max(...facetCounts.values(), 1);
  for (const [code, count] of named) add(code, (2 * count) / namedTotal);
  for (const [code, count] of facetCounts) if (byCode.has(code)) add(code, count / facetTotal);
  const conceptTotal = Math.max(...fromConcepts.values(), 1);
  for (const [code, count] of fromConcepts) if (byCode.has(code)) add(code, count / conceptTotal);
  const total = [...evidence.values()].reduce((sum, value) => sum + value, 0);
  return [...evidence.entries()]
    .map(([code, value]) => ({ industry: byCode.get(code) as Industry, confidence: value / total }))
    .filter((entry) => entry.industry)
    .sort((a, b) => b.confidence - a.confidence || (a.industry.parent === null ? 1 : 0) - (b.industry.parent === null ? 1 : 0))
    .slice(0, max);
}
