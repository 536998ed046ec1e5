import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DOMAIN_TERMS, STOP_WORDS } from './domain-terms';

/**
 * Text analysis shared by both sides of the embedded engine (indexing in worker threads, queries on
 * the main thread) and by `condenseQuery`: jieba segmentation, lower-cased Latin, full-width ASCII
 * folded to half-width, punctuation and stop words dropped.
 */
export class Analyzer {
  private readonly jieba: Jieba;
  private readonly stopWords: ReadonlySet<string>;

  constructor(extraWords: readonly string[] = []) {
    this.jieba = Jieba.withDict(dict);
    const words = [...DOMAIN_TERMS, ...extraWords].filter((word) => word.trim() !== '' && !/\s/.test(word));
    // A high frequency makes jieba prefer the whole word over its parts.
    this.jieba.loadDict(Buffer.from(words.map((word) => `${normalizeText(word)} 50000`).join('\n')));
    this.stopWords = new Set(STOP_WORDS);
  }

  /** Fine-grained tokens for indexing: every word plus the dictionary words inside long ones. */
  indexTokens(text: string): string[] {
    return this.keep(wordsFirst(this.jieba.cutForSearch(normalizeText(text), true)));
  }

  /** Coarse tokens for queries (a query word matches documents that contain it as a word or sub-word). */
  queryTokens(text: string): string[] {
    return this.keep(this.jieba.cut(normalizeText(text), true));
  }

  /** Every token of jieba's precise mode, punctuation and spaces included: they cover the (normalized) text in order. */
  segments(text: string): string[] {
    return this.jieba.cut(normalizeText(text), true);
  }

  /** The dictionary sub-words of one word (without the word itself), for words the index lacks. */
  subTokens(word: string): string[] {
    const parts = this.keep(this.jieba.cutForSearch(word, true)).filter((part) => part !== word);
    // Keep only maximal parts: 锂离子电池 → 锂离子, 电池 (离子 is inside 锂离子).
    return parts.filter((part, i) => !parts.some((other, j) => j !== i && other.length > part.length && other.includes(part)));
  }

  isStopWord(token: string): boolean {
    return this.stopWords.has(token);
  }

  private keep(tokens: string[]): string[] {
    const out: string[] = [];
    for (const token of tokens) {
      if (TOKEN_CONTENT.test(token) && !this.stopWords.has(token)) out.push(token);
    }
    return out;
  }
}

/**
 * jieba's search mode emits the sub-words of a long word before the word (太阳, 太阳能, 电池,
 * 太阳能电池); put each word first, so positions (which rank matches near the start higher) count
 * words, not sub-words.
 */
function wordsFirst(tokens: string[]): string[] {
  const out: string[] = [];
  const held: string[] = [];
  for (const token of tokens) {
    while (out.length > 0 && out[out.length - 1].length < token.length && token.includes(out[out.length - 1])) held.push(out.pop() as string);
    out.push(token);
    while (held.length > 0) out.push(held.pop() as string);
  }
  return out;
}

const TOKEN_CONTENT = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_.+#-]*$/u;

/**
 * Lower-cases and folds full-width ASCII (Ａ１) and the ideographic space to their ASCII forms.
 * Keeps the length unchanged, so offsets in the result are offsets in the input (highlighting).
 */
export function normalizeText(text: string): string {
  const folded = FULL_WIDTH.test(text)
    ? text.replace(FULL_WIDTH_ALL, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)))
    : text;
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  // A few characters (İ) grow when lower-cased: keep those as they are.
  let out = '';
  for (const char of folded) {
    const lowered = char.toLowerCase();
    out += lowered.length === char.length ? lowered : char;
  }
  return out;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

/** Tokens made of Latin letters/digits only: typo tolerance and prefix matching apply to them. */
export const isLatinToken = (token: string): boolean => /^[a-z0-9][a-z0-9_.+#-]*$/.test(token);
export const isNumericToken = (token: string): boolean => /^[0-9.]+$/.test(token);

let shared: Analyzer | undefined;
/** One analyzer per thread (a jieba instance holds its dictionary, ≈ 30 MB). */
export function sharedAnalyzer(): Analyzer {
  shared ??= new Analyzer();
  return shared;
}
