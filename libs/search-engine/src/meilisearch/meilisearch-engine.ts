import { type Index, Meilisearch, MeilisearchApiError, MeilisearchRequestError, type SearchParams, type Settings, type Task } from './meilisearch-client';
import { toEpochMillis } from '../filter';
import { CheckedRequest, checkDocuments, checkRequest, resolveSchema, ResolvedSchema } from '../schema';
import {
  IndexSchema,
  IndexStats,
  MAX_QUERY_TERMS,
  RebuildOptions,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchIndex,
  SearchRequest,
  SearchResponse,
} from '../search-engine';
import { normalizeSynonymGroups, toMeilisearchSynonyms } from '../synonyms';
import { sharedAnalyzer } from '../text/analyzer';
import { condenseQuery } from '../text/condense';
import { escapeHtml } from '../text/highlight';
import { compileMeiliFilter, dateAttribute, EXISTS_ATTRIBUTE, filterAttribute } from './meili-filter';
import { sameSynonyms, settingsDiff, settingsFor } from './meili-settings';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Prepended to every index name (`<prefix>_<name>`), one prefix per environment. */
  indexPrefix: string;
  /** Documents per `addDocuments` / `deleteDocuments` request (default 1000). */
  batchSize?: number;
  /** How long to wait for a document task (default 2 min). */
  taskTimeoutMs?: number;
  /** How long to wait for settings, swaps and index creation, which may reindex everything (default 10 min). */
  settingsTimeoutMs?: number;
  /** Per HTTP request (default 15 s). */
  requestTimeoutMs?: number;
  /** Retries of a request that failed on the network or with a 5xx/429 (default 3, exponential backoff). */
  retries?: number;
  retryDelayMs?: number;
}

/** Infrastructure failures of the search engine (not the client's fault). */
export class SearchEngineError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchEngineError';
  }
}

/** Markers asked of Meilisearch around matches; replaced by the caller's tags after HTML-escaping. */
const MARK_START = '\u0002';
const MARK_END = '\u0003';
const CROP_WORDS = 40;

/** The production engine: the official Meilisearch client, one Meilisearch index per search index. */
export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  readonly client: Meilisearch;
  readonly options: Required<Omit<MeilisearchEngineOptions, 'apiKey'>> & { apiKey?: string };
  private readonly handles = new Map<string, MeilisearchIndex<SearchDocument>>();

  constructor(options: MeilisearchEngineOptions) {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(options.indexPrefix)) throw new Error(`Index prefix ${JSON.stringify(options.indexPrefix)} must be letters, digits, - and _`);
    this.options = {
      batchSize: 1000,
      taskTimeoutMs: 120_000,
      settingsTimeoutMs: 600_000,
      requestTimeoutMs: 15_000,
      retries: 3,
      retryDelayMs: 200,
      ...options,
    };
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: this.options.requestTimeoutMs });
  }

  index<D extends SearchDocument>(name: string, schema: IndexSchema<D>): SearchIndex<D> {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(name)) throw new Error(`Index name ${JSON.stringify(name)} must be letters, digits, - and _ (not first)`);
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new MeilisearchIndex<SearchDocument>(this, name, resolveSchema(schema));
      this.handles.set(name, handle);
    }
    return handle as unknown as SearchIndex<D>;
  }

  async close(): Promise<void> {
    // The client holds no connections of its own (it uses fetch).
  }

  uid(name: string): string {
    return `${this.options.indexPrefix}_${name}`;
  }

  /** Where checkpoints live: `<prefix>__checkpoints` (index names cannot start with `_`, so no clash). */
  get checkpointUid(): string {
    return `${this.options.indexPrefix}__checkpoints`;
  }

  /** Runs a request, retrying network failures and 5xx/429 answers with exponential backoff. */
  async request<T>(what: string, run: () => Promise<T>, options: { idempotent?: boolean } = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const status = error instanceof MeilisearchApiError ? error.response.status : undefined;
        const transient =
          (status !== undefined && (status >= 500 || status === 429)) || (options.idempotent !== false && error instanceof MeilisearchRequestError);
        if (!transient || attempt >= this.options.retries) {
          if (error instanceof MeilisearchApiError && status !== undefined && status < 500) throw error;
          throw new SearchEngineError(`Meilisearch ${what} failed: ${(error as Error).message}`, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs * 2 ** attempt));
      }
    }
  }

  /** Waits for a task to finish; a failed or canceled task raises. */
  async waitFor(taskUid: number, what: string, timeout = this.options.taskTimeoutMs): Promise<Task> {
    const task = await this.request(`wait for ${what}`, () => this.client.tasks.waitForTask(taskUid, { timeout, interval: 50 }));
    if (task.status !== 'succeeded') {
      throw new SearchEngineError(`Meilisearch ${what} (task ${taskUid}) ${task.status}: ${task.error?.message ?? 'no reason given'}${task.error ? ` [${task.error.code}]` : ''}`);
    }
    return task;
  }

  /** The checkpoints of every index live in one small index of their own. */
  async readCheckpoint(name: string): Promise<string | null> {
    try {
      const doc = await this.request('read checkpoint', () => this.client.index(this.checkpointUid).getDocument(name));
      return typeof doc['checkpoint'] === 'string' ? doc['checkpoint'] : null;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.response.status === 404) return null;
      throw error;
    }
  }

  async writeCheckpoint(name: string, checkpoint: string): Promise<void> {
    const uid = this.checkpointUid;
    const enqueued = await this.request('write checkpoint', () => this.client.index(uid).addDocuments([{ id: name, checkpoint }], { primaryKey: 'id' }));
    await this.waitFor(enqueued.taskUid, 'checkpoint update');
  }
}

class MeilisearchIndex<D extends SearchDocument> implements SearchIndex<D> {
  private ensured: Promise<void> | undefined;

  constructor(
    private readonly engine: MeilisearchEngine,
    readonly name: string,
    private readonly schema: ResolvedSchema,
  ) {}

  private get uid(): string {
    return this.engine.uid(this.name);
  }

  private get index(): Index<Record<string, unknown>> {
    return this.engine.client.index(this.uid);
  }

  ensure(): Promise<void> {
    this.ensured ??= this.prepareIndex(this.uid).catch((error: unknown) => {
      this.ensured = undefined;
      throw error;
    });
    return this.ensured;
  }

  async setSynonyms(groups: readonly (readonly string[])[]): Promise<void> {
    const wanted = toMeilisearchSynonyms(normalizeSynonymGroups(groups));
    await this.ensure();
    const current = await this.engine.request('read synonyms', () => this.index.getSynonyms());
    if (sameSynonyms(wanted, current)) return;
    const task = await this.engine.request('update synonyms', () => this.index.updateSynonyms(wanted));
    await this.engine.waitFor(task.taskUid, 'synonyms update', this.engine.options.settingsTimeoutMs);
  }

  async getSynonyms(): Promise<string[][]> {
    await this.ensure();
    const map = await this.engine.request('read synonyms', () => this.index.getSynonyms());
    // Rebuild the groups from the mutual map.
    const groups: string[][] = [];
    const placed = new Set<string>();
    for (const [term, others] of Object.entries(map)) {
      if (placed.has(term)) continue;
      const group = [term, ...others.filter((other) => !placed.has(other))];
      group.forEach((member) => placed.add(member));
      groups.push(group);
    }
    return groups;
  }

  async upsert(documents: readonly D[]): Promise<void> {
    checkDocuments(this.schema, documents);
    if (documents.length === 0) return;
    await this.ensure();
    await this.addDocuments(this.uid, documents);
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ensure();
    const tasks: number[] = [];
    for (let start = 0; start < ids.length; start += this.engine.options.batchSize) {
      const batch = ids.slice(start, start + this.engine.options.batchSize);
      tasks.push((await this.engine.request('delete documents', () => this.index.deleteDocuments([...batch]))).taskUid);
    }
    for (const task of tasks) await this.engine.waitFor(task, 'document deletion');
  }

  async search(request: SearchRequest): Promise<SearchResponse<D>> {
    const checked = checkRequest(this.schema, request);
    await this.ensure();
    const params = this.searchParams(checked);
    const response = await this.engine.request('search', () => this.index.search<Record<string, unknown>>(params.q, params.options));
    return this.toResponse(checked, response);
  }

  async searchMany(requests: readonly SearchRequest[]): Promise<SearchResponse<D>[]> {
    const checked = requests.map((request) => checkRequest(this.schema, request));
    if (checked.length === 0) return [];
    await this.ensure();
    const queries = checked.map((request) => {
      const params = this.searchParams(request);
      return { indexUid: this.uid, q: params.q, ...params.options };
    });
    const response = await this.engine.request('multi-search', () => this.engine.client.multiSearch({ queries }));
    return response.results.map((result, i) => this.toResponse(checked[i], result as unknown as MeiliSearchResult));
  }

  async get(ids: readonly string[]): Promise<D[]> {
    if (ids.length === 0) return [];
    await this.ensure();
    const found = new Map<string, D>();
    for (let start = 0; start < ids.length; start += 1000) {
      const batch = ids.slice(start, start + 1000);
      const page = await this.engine.request('fetch documents', () =>
        this.index.getDocuments({ filter: compileMeiliFilter(this.schema, { kind: 'in', field: 'id', values: [...batch] }), limit: batch.length }),
      );
      for (const doc of page.results) found.set(String(doc['id']), this.fromStored(doc));
    }
    return ids.map((id) => found.get(id)).filter((doc): doc is D => doc !== undefined);
  }

  async stats(): Promise<IndexStats> {
    await this.ensure();
    const stats = await this.engine.request('read stats', () => this.index.getStats());
    return { documents: stats.numberOfDocuments, checkpoint: await this.engine.readCheckpoint(this.name) };
  }

  async setCheckpoint(checkpoint: string): Promise<void> {
    await this.engine.writeCheckpoint(this.name, checkpoint);
  }

  /** Builds `<uid>__rebuild_<time>` beside the live index, swaps the two, then drops the old one. */
  async rebuild(source: AsyncIterable<readonly D[]> | Iterable<readonly D[]>, options: RebuildOptions = {}): Promise<{ documents: number }> {
    await this.ensure();
    const synonyms = await this.engine.request('read synonyms', () => this.index.getSynonyms());
    const buildUid = `${this.uid}__rebuild_${Date.now().toString(36)}`;
    let documents = 0;
    try {
      await this.prepareIndex(buildUid, synonyms);
      for await (const batch of source) {
        checkDocuments(this.schema, batch);
        await this.addDocuments(buildUid, batch);
        documents += batch.length;
      }
      const swap = await this.engine.request('swap indexes', () => this.engine.client.swapIndexes([{ indexes: [this.uid, buildUid], rename: false }]), {
        idempotent: false,
      });
      await this.engine.waitFor(swap.taskUid, 'index swap', this.engine.options.settingsTimeoutMs);
    } catch (error) {
      await this.dropIndex(buildUid).catch(() => undefined);
      throw error;
    }
    await this.dropIndex(buildUid);
    if (options.checkpoint !== undefined) await this.engine.writeCheckpoint(this.name, options.checkpoint);
    const stats = await this.engine.request('read stats', () => this.index.getStats());
    return { documents: documents === 0 ? 0 : stats.numberOfDocuments };
  }

  /** Creates the index when missing, then applies the settings that differ (settings before documents). */
  private async prepareIndex(uid: string, synonyms?: Record<string, string[]>): Promise<void> {
    const client = this.engine.client;
    let current: Settings | undefined;
    try {
      await this.engine.request('read index', () => client.getRawIndex(uid));
      current = await this.engine.request('read settings', () => client.index(uid).getSettings());
    } catch (error) {
      if (!(error instanceof MeilisearchApiError && error.response.status === 404)) throw error;
      const created = await this.engine.request('create index', () => client.createIndex(uid, { primaryKey: 'id' }), { idempotent: false });
      await this.engine.waitFor(created.taskUid, `creation of index ${uid}`, this.engine.options.settingsTimeoutMs);
    }
    const desired: Settings = synonyms ? { ...settingsFor(this.schema), synonyms } : settingsFor(this.schema);
    const diff = settingsDiff(desired, current);
    if (Object.keys(diff).length === 0) return;
    const task = await this.engine.request('update settings', () => client.index(uid).updateSettings(diff));
    await this.engine.waitFor(task.taskUid, `settings of index ${uid}`, this.engine.options.settingsTimeoutMs);
  }

  private async dropIndex(uid: string): Promise<void> {
    const task = await this.engine.request('delete index', () => this.engine.client.deleteIndex(uid));
    await this.engine.waitFor(task.taskUid, `deletion of index ${uid}`, this.engine.options.settingsTimeoutMs);
  }

  /** Sends documents in batches (all enqueued first, then awaited; Meilisearch applies them in order). */
  private async addDocuments(uid: string, documents: readonly D[]): Promise<void> {
    const index = this.engine.client.index(uid);
    const tasks: number[] = [];
    for (let start = 0; start < documents.length; start += this.engine.options.batchSize) {
      const batch = documents.slice(start, start + this.engine.options.batchSize).map((doc) => this.toStored(doc));
      tasks.push((await this.engine.request('add documents', () => index.addDocuments(batch, { primaryKey: 'id' }))).taskUid);
    }
    for (const task of tasks) await this.engine.waitFor(task, 'document addition');
  }

  /** The document as stored: plus the hidden attributes for `exists` filters and dates. */
  private toStored(doc: D): Record<string, unknown> {
    const stored: Record<string, unknown> = { ...(doc as unknown as Record<string, unknown>) };
    const present: string[] = [];
    for (const field of this.schema.filterable) {
      const value = stored[field];
      if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) present.push(field);
    }
    for (const [field, type] of this.schema.types) {
      if (type === 'date') {
        const millis = toEpochMillis(stored[field]);
        if (millis !== undefined) stored[dateAttribute(field)] = millis;
      }
    }
    stored[EXISTS_ATTRIBUTE] = present;
    return stored;
  }

  private fromStored(stored: Record<string, unknown>): D {
    const doc: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(stored)) {
      if (key.startsWith('_')) continue;
      doc[key] = value;
    }
    return doc as unknown as D;
  }

  private searchParams(request: CheckedRequest): { q: string; options: SearchParams } {
    const options: SearchParams = { showRankingScore: true, matchingStrategy: request.matchingStrategy };
    if (request.filter) options.filter = compileMeiliFilter(this.schema, request.filter);
    if (request.facets.length > 0) options.facets = request.facets;
    if (request.sort.length > 0) options.sort = request.sort.map(({ field, direction }) => `${filterAttribute(this.schema, field)}:${direction}`);
    // Page mode gives exact totals; it needs the offset on a page boundary.
    if (request.limit === 0) Object.assign(options, { page: 1, hitsPerPage: 0 });
    else if (request.offset % request.limit === 0) Object.assign(options, { page: request.offset / request.limit + 1, hitsPerPage: request.limit });
    else Object.assign(options, { offset: request.offset, limit: request.limit });
    if (request.highlight) {
      Object.assign(options, {
        attributesToHighlight: request.highlight.fields,
        attributesToCrop: request.highlight.fields,
        cropLength: CROP_WORDS,
        cropMarker: '…',
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
      });
    }
    return { q: meiliQuery(request.query), options };
  }

  private toResponse(request: CheckedRequest, result: MeiliSearchResult): SearchResponse<D> {
    const hits: SearchHit<D>[] = result.hits.map((hit) => {
      const highlights: Record<string, string[]> = {};
      const spec = request.highlight;
      if (spec && hit._formatted) {
        for (const field of spec.fields) {
          const value = hit._formatted[field];
          const values = Array.isArray(value) ? value : [value];
          const snippets = values
            .filter((item): item is string => typeof item === 'string' && item.includes(MARK_START))
            .map((item) => markedToHtml(item, spec.preTag, spec.postTag));
          if (snippets.length > 0) highlights[field] = snippets;
        }
      }
      return {
        id: String(hit['id']),
        score: request.query === '' ? 1 : Math.round((hit._rankingScore ?? 0) * 1e4) / 1e4,
        highlights,
        document: this.fromStored(hit),
      };
    });
    const exact = result.totalHits !== undefined;
    return {
      hits,
      facetDistribution: result.facetDistribution ?? {},
      totalHits: result.totalHits ?? result.estimatedTotalHits ?? hits.length,
      totalHitsExact: exact,
      processingTimeMs: result.processingTimeMs,
    };
  }
}

interface MeiliSearchResult {
  hits: (Record<string, unknown> & { _formatted?: Record<string, unknown>; _rankingScore?: number })[];
  facetDistribution?: Record<string, Record<string, number>>;
  totalHits?: number;
  estimatedTotalHits?: number;
  processingTimeMs: number;
}

/**
 * The query as sent: Meilisearch reads only the first ten words, so longer texts are condensed to
 * their key terms; quotes and leading minus signs (phrase and negation syntax) are neutralised so
 * both engines read a query the same way.
 */
export function meiliQuery(query: string): string {
  const plain = query.replace(/["“”]/g, ' ').replace(/(^|\s)-+/g, '$1').trim();
  if (plain === '') return '';
  if (sharedAnalyzer().queryTokens(plain).length <= MAX_QUERY_TERMS) return plain;
  return condenseQuery(plain, MAX_QUERY_TERMS).join(' ');
}

function markedToHtml(marked: string, preTag: string, postTag: string): string {
  let out = '';
  let text = '';
  let inside = false;
  for (const char of marked) {
    if (char !== MARK_START && char !== MARK_END) {
      text += char;
      continue;
    }
    out += escapeHtml(text);
    text = '';
    if (char === MARK_START && !inside) out += preTag;
    if (char === MARK_END && inside) out += postTag;
    inside = char === MARK_START;
  }
  out += escapeHtml(text);
  return inside ? out + postTag : out;
}
