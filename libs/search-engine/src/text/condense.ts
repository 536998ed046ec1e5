import { idf as jiebaIdfFile } from '@node-rs/jieba/dict.js';
import { MAX_QUERY_TERMS } from '../search-engine';
import { sharedAnalyzer } from './analyzer';

let jiebaIdf: Map<string, number> | undefined;
let jiebaMedianIdf = 10;

/** jieba's IDF table (from its large general corpus), parsed on first use. */
export function generalIdf(term: string): number {
  if (!jiebaIdf) {
    jiebaIdf = new Map();
    const values: number[] = [];
    for (const line of Buffer.from(jiebaIdfFile).toString('utf8').split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space <= 0) continue;
      const value = Number(line.slice(space + 1));
      jiebaIdf.set(line.slice(0, space), value);
      values.push(value);
    }
    values.sort((a, b) => a - b);
    jiebaMedianIdf = values[Math.floor(values.length / 2)] ?? 10;
  }
  // Unknown words (new technical terms) are the most specific ones.
  return jiebaIdf.get(term) ?? jiebaMedianIdf * 1.2;
}

/**
 * The key terms of a long text (e.g. a need statement), at most `maxTerms`, in the order they first
 * appear: terms are weighted by TF-IDF (IDF from `idf` when given — the engine's own document
 * frequencies — else jieba's general-corpus table) and the best are kept. Meilisearch only reads the
 * first ten query words, so long texts are condensed before they are sent; matching uses it too.
 */
export function condenseQuery(text: string, maxTerms = MAX_QUERY_TERMS, idf: (term: string) => number = generalIdf): string[] {
  const tokens = sharedAnalyzer().queryTokens(text);
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const unique = [...counts.keys()];
  if (unique.length <= maxTerms) return unique;
  const weighted = unique.map((term, position) => ({
    term,
    position,
    // Single characters rarely carry a topic; long Latin/number noise (e.g. "2023") neither.
    weight: (counts.get(term) ?? 1) ** 0.5 * idf(term) * (term.length === 1 ? 0.3 : 1) * (/^\d+(\.\d+)?$/.test(term) ? 0.3 : 1),
  }));
  const best = new Set(
    [...weighted]
      .sort((a, b) => b.weight - a.weight || a.position - b.position)
      .slice(0, Math.max(0, maxTerms))
      .map((entry) => entry.term),
  );
  return unique.filter((term) => best.has(term));
}
