import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from '@ttm/search-engine';

/**
 * The evaluation's baseline: plain Okapi BM25 over jieba tokens, with nothing of the project's own
 * (no domain dictionary, stop words, synonyms, field weights or ranking rules), so a gain of the
 * matcher over it is a gain of the project's work and not of the tokenizer.
 */
export interface Bm25Options {
  k1: number;
  b: number;
}

export const BM25_DEFAULTS: Bm25Options = { k1: 1.2, b: 0.75 };

/** jieba's search-mode tokens (words and the dictionary words inside long ones), lower-cased, punctuation and spaces dropped. */
export class JiebaTokenizer {
  private readonly jieba = Jieba.withDict(dict);

  tokens(text: string): string[] {
    return this.jieba.cutForSearch(normalizeText(text), true).filter((token) => WORD.test(token));
  }
}

/** A token counts when it starts with a letter or a digit (drops punctuation and whitespace). */
const WORD = /^[\p{L}\p{N}]/u;

export interface Bm25Hit {
  id: string;
  score: number;
}

export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  /** token → (document number → term frequency) */
  private readonly postings = new Map<string, Map<number, number>>();
  private totalLength = 0;

  constructor(
    private readonly tokenize: (text: string) => string[],
    private readonly options: Bm25Options = BM25_DEFAULTS,
  ) {}

  add(id: string, text: string): void {
    const tokens = this.tokenize(text);
    const number = this.ids.length;
    for (const token of tokens) {
      let posting = this.postings.get(token);
      if (!posting) this.postings.set(token, (posting = new Map()));
      posting.set(number, (posting.get(number) ?? 0) + 1);
    }
    this.ids.push(id);
    this.lengths.push(tokens.length);
    this.totalLength += tokens.length;
  }

  /**
   * The `limit` best documents for a query, by the sum over the query's tokens (a token repeated in
   * the query counts each time) of idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)), with Lucene's
   * non-negative idf ln(1 + (N − df + 0.5)/(df + 0.5)). Documents sharing no token are left out; ties
   * go to the document added first.
   */
  search(query: string, limit: number): Bm25Hit[] {
    const { k1, b } = this.options;
    const n = this.ids.length;
    const averageLength = n === 0 ? 0 : this.totalLength / n;
    const queryCounts = new Map<string, number>();
    for (const token of this.tokenize(query)) queryCounts.set(token, (queryCounts.get(token) ?? 0) + 1);
    const scores = new Map<number, number>();
    for (const [token, count] of queryCounts) {
      const posting = this.postings.get(token);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      for (const [doc, tf] of posting) {
        const norm = tf + k1 * (1 - b + (b * this.lengths[doc]) / averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (count * idf * tf * (k1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort(([docX, x], [docY, y]) => y - x || docX - docY)
      .slice(0, limit)
      .map(([doc, score]) => ({ id: this.ids[doc], score }));
  }
}
