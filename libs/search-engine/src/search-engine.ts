import type { Filter } from './filter';

/**
 * The one search interface the search service programs against. Two adapters implement it:
 * `MeilisearchEngine` (production) and `EmbeddedSearchEngine` (in-process, used when MEILI_HOST is
 * not set). Both pass the same contract suite (src/contract).
 */
export interface SearchEngine {
  readonly kind: 'embedded' | 'meilisearch';
  /** A handle on one index. Cheap: nothing is sent until a method of the handle is called. */
  index<D extends SearchDocument>(name: string, schema: IndexSchema<D>): SearchIndex<D>;
  /** Flushes pending writes and releases workers and connections. */
  close(): Promise<void>;
}

/** Every document has a string primary key `id`. */
export interface SearchDocument {
  id: string;
}

/**
 * What kind of value a field holds:
 * - `text`: a string (or null), searched as Chinese/Latin text;
 * - `keyword`: a string or a string[] matched exactly (filters, facets) — may also be searched;
 * - `number`, `boolean`: scalars (or null);
 * - `date`: an ISO-8601 string (or null); filters and sorts compare it as a point in time.
 */
export type FieldType = 'text' | 'keyword' | 'number' | 'boolean' | 'date';

export interface FieldSpec {
  type: FieldType;
  /** Searched by full-text queries, with this weight (higher ranks first). Text and keyword fields only. */
  searchWeight?: number;
  /** May be used in filters. */
  filterable?: boolean;
  /** May be used in `sort` (single-valued fields only). */
  sortable?: boolean;
  /** May be requested in `facets` (implies filterable). */
  facet?: boolean;
}

/** Which fields are searched, filtered, sorted and faceted. Fields not listed are only stored. */
export interface IndexSchema<D extends SearchDocument = SearchDocument> {
  fields: { [K in Exclude<keyof D, 'id'> & string]?: FieldSpec } & { id?: FieldSpec };
}

/**
 * How many query terms a document must contain (Meilisearch's `matchingStrategy`):
 * - `all`: every term;
 * - `last`: all terms first, then documents missing terms from the end of the query;
 * - `frequency` (default): all terms first, then documents missing the most common terms first —
 *   every hit contains at least the rarest term.
 */
export type MatchingStrategy = 'all' | 'last' | 'frequency';

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
}

export interface HighlightSpec {
  /** Searchable fields to return highlighted snippets for. */
  fields: string[];
  /** Default `<em>` / `</em>`. */
  preTag?: string;
  postTag?: string;
}

export interface SearchRequest {
  /** Free text; empty or absent = every document (filters, sort and facets still apply). */
  query?: string;
  /** A structured filter (never a string from a user): see `filter.ts`. */
  filter?: Filter;
  /** Facet fields to count values of, over all hits (not just the page). */
  facets?: string[];
  /** Sort keys in order; absent = by relevance. Documents without a value come last. */
  sort?: SortSpec[];
  /** Page size, 0–`MAX_LIMIT` (default 20). */
  limit?: number;
  /** Hits to skip; `offset + limit` may not exceed `MAX_TOTAL_HITS`. */
  offset?: number;
  highlight?: HighlightSpec;
  matchingStrategy?: MatchingStrategy;
}

export interface SearchHit<D extends SearchDocument> {
  id: string;
  /** Relevance in [0, 1] (1 = every query term in the best field); 1 for a query-less search. */
  score: number;
  /**
   * Per requested highlight field that matched: HTML-safe snippets (document text is escaped) with
   * the matched terms wrapped in the pre/post tags. Array fields give one snippet per matching element.
   */
  highlights: Record<string, string[]>;
  document: D;
}

export interface SearchResponse<D extends SearchDocument> {
  hits: SearchHit<D>[];
  /** field → value → number of hits with that value (over all hits, sorted by count). */
  facetDistribution: Record<string, Record<string, number>>;
  /** Number of hits (capped at MAX_TOTAL_HITS by Meilisearch). */
  totalHits: number;
  /** False when the engine only estimated `totalHits` (Meilisearch with an offset not on a page boundary). */
  totalHitsExact: boolean;
  processingTimeMs: number;
}

export interface IndexStats {
  documents: number;
  /** The last value given to `setCheckpoint` (or to `rebuild`), null if none. */
  checkpoint: string | null;
}

export interface RebuildOptions {
  /** Stored with the rebuilt index (e.g. the outbox position the snapshot was read at). */
  checkpoint?: string;
}

export interface SearchIndex<D extends SearchDocument> {
  readonly name: string;
  /** Creates the index if missing and applies the schema's settings, changing only what differs. */
  ensure(): Promise<void>;
  /** Replaces the synonym groups (each group: terms that mean the same, applied both ways at query time). */
  setSynonyms(groups: readonly (readonly string[])[]): Promise<void>;
  getSynonyms(): Promise<string[][]>;
  /** Adds or replaces documents by id. Resolves once they are searchable. */
  upsert(documents: readonly D[]): Promise<void>;
  /** Removes documents by id (unknown ids are ignored). Resolves once they are gone from search. */
  delete(ids: readonly string[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResponse<D>>;
  /** Several searches in one round trip (Meilisearch multi-search). */
  searchMany(requests: readonly SearchRequest[]): Promise<SearchResponse<D>[]>;
  /** The stored documents for these ids, in the same order; missing ids are skipped. */
  get(ids: readonly string[]): Promise<D[]>;
  stats(): Promise<IndexStats>;
  /**
   * Records how far the caller's feed has been applied; stored durably with the index data, so a
   * restarted consumer resumes from what the index really contains.
   */
  setCheckpoint(checkpoint: string): Promise<void>;
  /**
   * Builds a fresh index from `source` while the current one keeps serving searches, then swaps
   * them atomically. Writes made to the old index during the rebuild are not carried over: resume
   * the feed from the checkpoint the snapshot was taken at.
   */
  rebuild(source: AsyncIterable<readonly D[]> | Iterable<readonly D[]>, options?: RebuildOptions): Promise<{ documents: number }>;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
/** Deepest hit that can be paged to (Meilisearch's `pagination.maxTotalHits`). */
export const MAX_TOTAL_HITS = 1000;
/** Meilisearch only considers the first ten query words. */
export const MAX_QUERY_TERMS = 10;
/** Meilisearch cannot filter on values longer than this (in UTF-8 bytes). */
export const MAX_FILTER_VALUE_BYTES = 468;
export const DEFAULT_PRE_TAG = '<em>';
export const DEFAULT_POST_TAG = '</em>';
