import { Index as FlexIndex } from 'flexsearch';
import { CheckedRequest, ResolvedSchema } from '../schema';
import { MAX_QUERY_TERMS, SearchDocument, SearchHit, SearchResponse } from '../search-engine';
import { SynonymMatcher } from '../synonyms';
import { Analyzer, isLatinToken, isNumericToken, normalizeText } from '../text/analyzer';
import { generalIdf } from '../text/condense';
import { highlightSnippet } from '../text/highlight';
import { AnyColumn, candidateDocs, columnOf, compileFilter, createColumn, KeywordColumn, NumberColumn } from './columns';

/** FlexSearch position buckets per field: a term's first occurrence near the start ranks higher. */
const RESOLUTION = 9;
const MAX_FACET_VALUES = 100;
/** Alternatives of a query term weigh less than the word the user typed. */
const WEIGHT = { exact: 1, synonym: 0.9, split: 0.85, prefix: 0.7, typo: 0.6 } as const;
const MAX_EXPANSIONS = 8;

const splitTokens = (text: string): string[] => text.split(' ');

/** One query term: the word typed (or a synonym group), with the token sets that count as it. */
interface PlanTerm {
  label: string;
  /** Any alternative matches; an alternative with several tokens needs all of them. */
  alternatives: { tokens: string[]; weight: number }[];
  df: number;
  idf: number;
}

interface Candidate {
  doc: number;
  level: number;
  score: number;
  mask: number;
}

/**
 * The in-memory index of one embedded index: FlexSearch inverted indexes (one per searchable field,
 * fed with tokens segmented by jieba) for candidate retrieval, typed-array columns for filters,
 * facets and sorting, and the stored documents. Pure data structure: no I/O, no async.
 */
export class EmbeddedIndexData<D extends SearchDocument> {
  private readonly docs: (D | undefined)[] = [];
  private readonly ids = new Map<string, number>();
  private readonly text: FlexIndex[];
  private readonly columns = new Map<string, AnyColumn>();
  private capacity = 0;
  private mask = new Uint16Array(0);
  private score = new Float32Array(0);
  private seen = new Int32Array(0);
  private stamp = 0;
  private readonly latinTerms = new Set<string>();
  private latinSorted: string[] | null = [];

  constructor(
    readonly schema: ResolvedSchema,
    private readonly analyzer: Analyzer,
  ) {
    this.text = schema.searchable.map(
      () => new FlexIndex({ tokenize: 'strict', resolution: RESOLUTION, encode: splitTokens, cache: false, fastupdate: true }),
    );
    for (const field of new Set([...schema.filterable, ...schema.sortable, ...schema.facets])) {
      this.columns.set(field, createColumn(schema.types.get(field) ?? 'keyword', schema.facets.has(field)));
    }
  }

  get size(): number {
    return this.ids.size;
  }

  /** The texts of the searchable fields of a document, in schema order (arrays joined by newlines). */
  searchableTexts(doc: D): (string | null)[] {
    return this.schema.searchable.map(({ field }) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join('\n') || null;
      return typeof value === 'string' && value !== '' ? value : null;
    });
  }

  /** Adds or replaces a document; `tokens` are its searchable fields' token strings (schema order). */
  put(doc: D, tokens: readonly string[]): void {
    let n = this.ids.get(doc.id);
    const existing = n !== undefined;
    if (n === undefined) {
      n = this.docs.length;
      this.ids.set(doc.id, n);
      this.docs.push(doc);
      this.ensureCapacity(n + 1);
    } else {
      this.docs[n] = doc;
    }
    for (let f = 0; f < this.text.length; f++) {
      const field = this.text[f];
      if (existing) field.remove(n);
      const fieldTokens = tokens[f] ?? '';
      if (fieldTokens === '') continue;
      field.add(n, fieldTokens);
      if (LATIN_PRESENT.test(fieldTokens)) this.collectLatin(fieldTokens);
    }
    const record = doc as unknown as Record<string, unknown>;
    for (const [field, column] of this.columns) column.set(n, record[field]);
  }

  remove(id: string): boolean {
    const n = this.ids.get(id);
    if (n === undefined) return false;
    for (const field of this.text) field.remove(n);
    for (const column of this.columns.values()) column.clear(n);
    this.docs[n] = undefined;
    this.ids.delete(id);
    return true;
  }

  get(id: string): D | undefined {
    const n = this.ids.get(id);
    return n === undefined ? undefined : this.docs[n];
  }

  *documents(): IterableIterator<D> {
    for (const doc of this.docs) if (doc !== undefined) yield doc;
  }

  search(request: CheckedRequest, synonyms: SynonymMatcher): SearchResponse<D> {
    const started = performance.now();
    const predicate = request.filter ? compileFilter(request.filter, this.columns) : undefined;
    const facetCounters = request.facets.map((field) => new FacetCounter(columnOf(this.columns, field)));
    const wanted = request.offset + request.limit;
    const top = new TopK(wanted, this.comparator(request));
    let total = 0;
    let terms: PlanTerm[] = [];
    const consider = (doc: number, level: number, score: number, mask: number) => {
      if (predicate && !predicate(doc)) return;
      total += 1;
      for (const counter of facetCounters) counter.add(doc);
      if (wanted > 0) top.offer({ doc, level, score, mask });
    };

    if (request.query === '') {
      const candidates = request.filter ? candidateDocs(request.filter, this.columns, this.docs.length / 4) : undefined;
      if (candidates) for (const doc of candidates) consider(doc, 0, 1, 0);
      else for (let doc = 0; doc < this.docs.length; doc++) if (this.docs[doc] !== undefined) consider(doc, 0, 1, 0);
    } else {
      terms = this.plan(request.query, synonyms);
      if (terms.length > 0) this.match(terms, request.matchingStrategy, consider);
    }

    const maxScore = terms.reduce((sum, term) => sum + term.idf, 0) * (this.schema.searchable[0]?.weight ?? 1);
    const hits: SearchHit<D>[] = top
      .sorted()
      .slice(request.offset)
      .flatMap((candidate) => {
        const document = this.docs[candidate.doc];
        if (document === undefined) return [];
        return [
          {
            id: document.id,
            score: terms.length === 0 ? 1 : Math.min(1, Math.round((candidate.score / maxScore) * 1e4) / 1e4),
            highlights: request.highlight ? this.highlights(candidate, terms, request.highlight) : {},
            document,
          },
        ];
      });
    const facetDistribution: Record<string, Record<string, number>> = {};
    request.facets.forEach((field, i) => (facetDistribution[field] = facetCounters[i].result()));
    return { hits, facetDistribution, totalHits: total, totalHitsExact: true, processingTimeMs: Math.round(performance.now() - started) };
  }

  /** Turns the query into terms: synonym groups, jieba words, sub-words, typo and prefix variants. */
  private plan(query: string, synonyms: SynonymMatcher): PlanTerm[] {
    const normalized = normalizeText(query);
    const dfCache = new Map<string, number>();
    const df = (token: string): number => {
      let value = dfCache.get(token);
      if (value === undefined) {
        // The largest per-field count: a lower bound of the true df that ignores a term repeated across fields.
        value = 0;
        for (const field of this.text) {
          let inField = 0;
          for (const slot of postings(field, token)) inField += slot?.length ?? 0;
          value = Math.max(value, inField);
        }
        dfCache.set(token, value);
      }
      return value;
    };
    const altDf = (tokens: string[]) => Math.min(...tokens.map(df));

    const raw: { label: string; alternatives: { tokens: string[]; weight: number }[] }[] = [];
    const addWord = (word: string, isLast: boolean) => {
      const alternatives: { tokens: string[]; weight: number }[] = [];
      if (df(word) > 0) alternatives.push({ tokens: [word], weight: WEIGHT.exact });
      else if (!isLatinToken(word)) {
        const parts = this.analyzer.subTokens(word);
        if (parts.length > 1 && parts.every((part) => df(part) > 0)) alternatives.push({ tokens: parts, weight: WEIGHT.split });
      }
      if (isLatinToken(word) && !isNumericToken(word)) {
        if (isLast && word.length >= 2) {
          for (const term of this.latinExpansions(word, 'prefix', df)) alternatives.push({ tokens: [term], weight: WEIGHT.prefix });
        }
        if (word.length >= 5) {
          for (const term of this.latinExpansions(word, 'typo', df)) alternatives.push({ tokens: [term], weight: WEIGHT.typo });
        }
      }
      raw.push({ label: word, alternatives });
    };

    const spans = synonyms.empty ? [] : synonyms.find(normalized);
    let cursor = 0;
    const pieces: ({ text: string } | { group: number; typed: string })[] = [];
    for (const span of spans) {
      if (span.start > cursor) pieces.push({ text: normalized.slice(cursor, span.start) });
      pieces.push({ group: span.group, typed: normalized.slice(span.start, span.end) });
      cursor = span.end;
    }
    if (cursor < normalized.length) pieces.push({ text: normalized.slice(cursor) });
    pieces.forEach((piece, index) => {
      if ('text' in piece) {
        const words = this.analyzer.queryTokens(piece.text);
        words.forEach((word, i) => addWord(word, index === pieces.length - 1 && i === words.length - 1));
        return;
      }
      const alternatives: { tokens: string[]; weight: number }[] = [];
      for (const member of synonyms.groups[piece.group]) {
        const normalizedMember = normalizeText(member);
        let tokens = this.analyzer.queryTokens(normalizedMember);
        if (tokens.length === 1 && df(tokens[0]) === 0) {
          const parts = this.analyzer.subTokens(tokens[0]);
          if (parts.length > 1) tokens = parts;
        }
        if (tokens.length === 0 || altDf(tokens) === 0) continue;
        alternatives.push({ tokens, weight: normalizedMember === piece.typed ? WEIGHT.exact : WEIGHT.synonym });
      }
      alternatives.sort((a, b) => b.weight - a.weight);
      raw.push({ label: piece.typed, alternatives });
    });

    const seen = new Set<string>();
    const n = Math.max(1, this.ids.size);
    let terms: PlanTerm[] = [];
    for (const term of raw) {
      if (seen.has(term.label) || term.alternatives.length === 0) continue;
      seen.add(term.label);
      // A document matches the term through any alternative; their df cannot exceed n.
      const termDf = Math.min(n, term.alternatives.reduce((sum, alt) => sum + altDf(alt.tokens), 0));
      terms.push({ ...term, df: termDf, idf: Math.log(1 + (n - termDf + 0.5) / (termDf + 0.5)) });
    }
    if (terms.length > MAX_QUERY_TERMS) {
      // Keep the most specific terms, in query order: rare here and rare in general Chinese (jieba's
      // IDF), so that words like 希望 or 要求 do not crowd out 断纱 in a small index.
      const weight = (term: PlanTerm) => term.idf * generalIdf(term.label) * (term.label.length === 1 ? 0.3 : 1);
      const keep = new Set([...terms].sort((a, b) => weight(b) - weight(a)).slice(0, MAX_QUERY_TERMS));
      terms = terms.filter((term) => keep.has(term));
    }
    return terms;
  }

  /**
   * Marks, for every document containing a term, which terms it contains and its score (IDF ×
   * field weight × position), then offers the documents the matching strategy admits. Only the
   * postings of the query's terms are read.
   */
  private match(terms: PlanTerm[], strategy: CheckedRequest['matchingStrategy'], consider: (doc: number, level: number, score: number, mask: number) => void) {
    const touched: number[] = [];
    const { mask, score, seen } = this;
    terms.forEach((term, index) => {
      const bit = 1 << index;
      const stamp = ++this.stamp;
      const mark = (doc: number, points: number) => {
        if (seen[doc] === stamp) return;
        seen[doc] = stamp;
        if (mask[doc] === 0) touched.push(doc);
        mask[doc] = mask[doc] | bit;
        score[doc] = score[doc] + points;
      };
      for (const alternative of term.alternatives) {
        if (alternative.tokens.length === 1) {
          this.text.forEach((field, f) => {
            const weight = term.idf * this.schema.searchable[f].weight * alternative.weight;
            postings(field, alternative.tokens[0]).forEach((slot, r) => {
              if (!slot) return;
              const points = weight * positionFactor(r);
              for (let i = 0; i < slot.length; i++) mark(slot[i], points);
            });
          });
        } else {
          for (const [doc, factor] of this.conjunction(alternative.tokens)) mark(doc, term.idf * factor * alternative.weight);
        }
      }
    });

    const order = terms.map((_, i) => i);
    if (strategy === 'frequency') order.sort((a, b) => terms[a].df - terms[b].df || a - b);
    const full = (1 << terms.length) - 1;
    const firstBit = 1 << order[0];
    for (const doc of touched) {
      const m = mask[doc];
      const admitted = strategy === 'all' ? m === full : (m & firstBit) !== 0;
      if (admitted) {
        let level = 0;
        while (level < order.length && (m & (1 << order[level])) !== 0) level += 1;
        consider(doc, level, score[doc], m);
      }
      mask[doc] = 0;
      score[doc] = 0;
    }
  }

  /** Documents containing every token (in any field), with their best field weight × position. */
  private conjunction(tokens: string[]): Map<number, number> {
    let result: Map<number, number> | undefined;
    for (const token of tokens) {
      const found = new Map<number, number>();
      this.text.forEach((field, f) => {
        const weight = this.schema.searchable[f].weight;
        postings(field, token).forEach((slot, r) => {
          if (!slot) return;
          for (const doc of slot) {
            if (result && !result.has(doc)) continue;
            const points = weight * positionFactor(r);
            if ((found.get(doc) ?? 0) < points) found.set(doc, points);
          }
        });
      });
      if (result) for (const [doc, points] of found) found.set(doc, Math.min(points, result.get(doc) ?? 0));
      result = found;
    }
    return result ?? new Map();
  }

  /** Indexed Latin terms near `word`: by prefix, or within Meilisearch's typo budget (1 typo from 5 letters, 2 from 9). */
  private latinExpansions(word: string, mode: 'prefix' | 'typo', df: (token: string) => number): string[] {
    if (this.latinSorted === null) this.latinSorted = [...this.latinTerms].sort();
    const sorted = this.latinSorted;
    const found: string[] = [];
    if (mode === 'prefix') {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < word) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length && sorted[i].startsWith(word) && found.length < 200; i++) if (sorted[i] !== word) found.push(sorted[i]);
    } else {
      const budget = word.length >= 9 ? 2 : 1;
      for (const term of sorted) {
        if (term !== word && Math.abs(term.length - word.length) <= budget && term[0] === word[0] && editDistance(word, term, budget) <= budget) found.push(term);
      }
    }
    return found
      .map((term) => ({ term, df: df(term) }))
      .filter((entry) => entry.df > 0)
      .sort((a, b) => b.df - a.df)
      .slice(0, MAX_EXPANSIONS)
      .map((entry) => entry.term);
  }

  private highlights(candidate: Candidate, terms: PlanTerm[], spec: NonNullable<CheckedRequest['highlight']>): Record<string, string[]> {
    const words: string[] = [];
    terms.forEach((term, i) => {
      if ((candidate.mask & (1 << i)) !== 0) for (const alternative of term.alternatives) words.push(...alternative.tokens);
    });
    const out: Record<string, string[]> = {};
    if (words.length === 0) return out;
    const doc = this.docs[candidate.doc] as unknown as Record<string, unknown>;
    for (const field of spec.fields) {
      const value = doc[field];
      const values = Array.isArray(value) ? value : [value];
      const snippets: string[] = [];
      for (const item of values) {
        if (typeof item !== 'string') continue;
        const snippet = highlightSnippet(item, words, spec.preTag, spec.postTag);
        if (snippet !== null) snippets.push(snippet);
      }
      if (snippets.length > 0) out[field] = snippets;
    }
    return out;
  }

  private comparator(request: CheckedRequest): (a: Candidate, b: Candidate) => number {
    const keys = request.sort.map(({ field, direction }) => ({ column: columnOf(this.columns, field), sign: direction === 'asc' ? 1 : -1 }));
    return (a, b) => {
      for (const { column, sign } of keys) {
        const order = compareColumn(column, a.doc, b.doc, sign);
        if (order !== 0) return order;
      }
      return b.level - a.level || b.score - a.score || a.doc - b.doc;
    };
  }

  private collectLatin(tokens: string): void {
    for (const match of tokens.matchAll(LATIN_TERM)) {
      const term = match[1];
      if (!this.latinTerms.has(term)) {
        this.latinTerms.add(term);
        this.latinSorted = null;
      }
    }
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2, 1024);
    const mask = new Uint16Array(capacity);
    mask.set(this.mask);
    const score = new Float32Array(capacity);
    score.set(this.score);
    const seen = new Int32Array(capacity);
    seen.set(this.seen);
    this.mask = mask;
    this.score = score;
    this.seen = seen;
    this.capacity = capacity;
    for (const column of this.columns.values()) column.grow(capacity);
  }
}

const LATIN_PRESENT = /[a-z]/;
const LATIN_TERM = /(?:^| )([a-z][a-z0-9_.+#-]{1,40})(?= |$)/g;

function postings(field: FlexIndex, token: string): (number[] | null | undefined)[] {
  return (field.search(token, { resolve: false }) as unknown as { result: (number[] | null | undefined)[] }).result ?? [];
}

/** 1 for the first position bucket down to 0.5 for the last. */
const positionFactor = (slot: number): number => 1 - (0.5 * Math.min(slot, RESOLUTION - 1)) / (RESOLUTION - 1);

function compareColumn(column: AnyColumn, a: number, b: number, sign: number): number {
  if (column instanceof NumberColumn) {
    const x = column.values[a];
    const y = column.values[b];
    const xMissing = Number.isNaN(x);
    const yMissing = Number.isNaN(y);
    if (xMissing || yMissing) return xMissing === yMissing ? 0 : xMissing ? 1 : -1;
    return x === y ? 0 : x < y ? -sign : sign;
  }
  const x = column.first[a];
  const y = column.first[b];
  if (x < 0 || y < 0) return x < 0 === y < 0 ? 0 : x < 0 ? 1 : -1;
  const left = column.labels[x];
  const right = column.labels[y];
  return left === right ? 0 : left < right ? -sign : sign;
}

/** Levenshtein distance, giving up (returning budget + 1) as soon as it exceeds `budget`. */
function editDistance(a: string, b: string, budget: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < best) best = value;
    }
    if (best > budget) return budget + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Counts facet values over the hits, reading the column (no re-scan of documents). */
class FacetCounter {
  private readonly keywordCounts: Int32Array;
  private readonly numberCounts = new Map<number, number>();

  constructor(private readonly column: AnyColumn) {
    this.keywordCounts = new Int32Array(column instanceof KeywordColumn ? Math.max(1, column.labels.length) : 0);
  }

  add(doc: number): void {
    const column = this.column;
    if (column instanceof KeywordColumn) {
      const counts = this.keywordCounts;
      const first = column.first[doc];
      if (first < 0) return;
      counts[first] = counts[first] + 1;
      const rest = column.rest[doc];
      if (rest) for (const id of rest) counts[id] = counts[id] + 1;
      return;
    }
    const value = column.values[doc];
    if (!Number.isNaN(value)) this.numberCounts.set(value, (this.numberCounts.get(value) ?? 0) + 1);
  }

  result(): Record<string, number> {
    const entries: [string, number][] = [];
    const column = this.column;
    if (column instanceof KeywordColumn) {
      this.keywordCounts.forEach((count, id) => {
        if (count > 0) entries.push([column.labels[id], count]);
      });
    } else {
      for (const [value, count] of this.numberCounts) entries.push([column.label(value), count]);
    }
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return Object.fromEntries(entries.slice(0, MAX_FACET_VALUES));
  }
}

/** The best `k` candidates under `compare` (a binary heap whose root is the worst kept). */
class TopK {
  private readonly heap: Candidate[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: Candidate, b: Candidate) => number,
  ) {}

  offer(candidate: Candidate): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(candidate);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.compare(heap[i], heap[parent]) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
      return;
    }
    if (this.compare(candidate, heap[0]) >= 0) return;
    heap[0] = candidate;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && this.compare(heap[left], heap[worst]) > 0) worst = left;
      if (right < heap.length && this.compare(heap[right], heap[worst]) > 0) worst = right;
      if (worst === i) break;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  }

  sorted(): Candidate[] {
    return [...this.heap].sort(this.compare);
  }
}
