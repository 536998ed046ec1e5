import { join } from 'node:path';
import { checkDocuments, checkRequest, resolveSchema, ResolvedSchema } from '../schema';
import {
  IndexSchema,
  IndexStats,
  RebuildOptions,
  SearchDocument,
  SearchEngine,
  SearchIndex,
  SearchRequest,
  SearchResponse,
} from '../search-engine';
import { normalizeSynonymGroups, SynonymMatcher } from '../synonyms';
import { Analyzer, sharedAnalyzer } from '../text/analyzer';
import { SegmenterPool } from '../text/segmenter-pool';
import { EmbeddedIndexData } from './embedded-index';
import { IndexStore } from './index-store';

export interface EmbeddedEngineOptions {
  /** Where index data is kept (the search service passes `path.join(DATA_DIR, 'search')`); in memory only when absent. */
  dataDir?: string;
  /** Segmentation worker threads (default: up to 2; 0 = segment on the main thread). */
  workers?: number;
  /** Words added to the jieba dictionary (besides DOMAIN_TERMS). */
  extraWords?: readonly string[];
}

/** Documents are segmented and applied in chunks, so the main thread indexes while workers segment. */
const APPLY_CHUNK = 256;
/** Compact the journal into a new snapshot once it outgrows the snapshot (and this floor). */
const COMPACT_FLOOR_BYTES = 32 * 1024 * 1024;

/** The in-process engine used when MEILI_HOST is not set: see README.md for its design. */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  private readonly pool: SegmenterPool;
  private readonly analyzer: Analyzer;
  private readonly indexes = new Map<string, { schemaKey: string; handle: EmbeddedSearchIndex<SearchDocument> }>();

  constructor(private readonly options: EmbeddedEngineOptions = {}) {
    this.analyzer = options.extraWords?.length ? new Analyzer(options.extraWords) : sharedAnalyzer();
    this.pool = new SegmenterPool(options.workers, options.extraWords ?? [], this.analyzer);
  }

  index<D extends SearchDocument>(name: string, schema: IndexSchema<D>): SearchIndex<D> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(name)) throw new Error(`Index name ${JSON.stringify(name)} must be letters, digits, - and _`);
    const schemaKey = JSON.stringify(schema);
    const existing = this.indexes.get(name);
    if (existing) {
      if (existing.schemaKey !== schemaKey) throw new Error(`Index ${name} is already open with a different schema`);
      return existing.handle as unknown as SearchIndex<D>;
    }
    const store = this.options.dataDir ? new IndexStore<D>(join(this.options.dataDir, name)) : undefined;
    const handle = new EmbeddedSearchIndex<D>(name, resolveSchema(schema), this.analyzer, this.pool, store);
    this.indexes.set(name, { schemaKey, handle: handle });
    return handle;
  }

  async close(): Promise<void> {
    await Promise.all([...this.indexes.values()].map(({ handle }) => handle.idle()));
    await this.pool.close();
  }
}

class EmbeddedSearchIndex<D extends SearchDocument> implements SearchIndex<D> {
  private data: EmbeddedIndexData<D>;
  private synonyms: string[][] = [];
  private matcher = new SynonymMatcher([]);
  private checkpoint: string | null = null;
  private loading: Promise<void> | undefined;
  /** Writes run one after another, in call order. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly schema: ResolvedSchema,
    private readonly analyzer: Analyzer,
    private readonly pool: SegmenterPool,
    private readonly store: IndexStore<D> | undefined,
  ) {
    this.data = new EmbeddedIndexData<D>(schema, analyzer);
  }

  /** Loads the stored index (snapshot + journal) and rebuilds the in-memory index from it, once. */
  ensure(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  async setSynonyms(groups: readonly (readonly string[])[]): Promise<void> {
    const normalized = normalizeSynonymGroups(groups);
    await this.ensure();
    await this.exclusive(async () => {
      if (JSON.stringify(normalized) === JSON.stringify(this.synonyms)) return;
      await this.store?.append({ op: 'synonyms', groups: normalized });
      this.useSynonyms(normalized);
    });
  }

  async getSynonyms(): Promise<string[][]> {
    await this.ensure();
    return this.synonyms.map((group) => [...group]);
  }

  async upsert(documents: readonly D[]): Promise<void> {
    checkDocuments(this.schema, documents);
    if (documents.length === 0) return;
    await this.ensure();
    const unique = [...new Map(documents.map((doc) => [doc.id, doc])).values()];
    const prepared = this.prepare(unique);
    await this.exclusive(async () => {
      await this.store?.append({ op: 'upsert', documents: unique });
      await this.apply(this.data, prepared);
      await this.compactIfLarge();
    });
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ensure();
    await this.exclusive(async () => {
      await this.store?.append({ op: 'delete', ids: [...ids] });
      for (const id of ids) this.data.remove(id);
      await this.compactIfLarge();
    });
  }

  async search(request: SearchRequest): Promise<SearchResponse<D>> {
    const checked = checkRequest(this.schema, request);
    await this.ensure();
    return this.data.search(checked, this.matcher);
  }

  async searchMany(requests: readonly SearchRequest[]): Promise<SearchResponse<D>[]> {
    const checked = requests.map((request) => checkRequest(this.schema, request));
    await this.ensure();
    return checked.map((request) => this.data.search(request, this.matcher));
  }

  async get(ids: readonly string[]): Promise<D[]> {
    await this.ensure();
    return ids.map((id) => this.data.get(id)).filter((doc): doc is D => doc !== undefined);
  }

  async stats(): Promise<IndexStats> {
    await this.ensure();
    return { documents: this.data.size, checkpoint: this.checkpoint };
  }

  async setCheckpoint(checkpoint: string): Promise<void> {
    await this.ensure();
    await this.exclusive(async () => {
      await this.store?.append({ op: 'checkpoint', value: checkpoint });
      this.checkpoint = checkpoint;
    });
  }

  async rebuild(source: AsyncIterable<readonly D[]> | Iterable<readonly D[]>, options: RebuildOptions = {}): Promise<{ documents: number }> {
    await this.ensure();
    // The new index is built aside; searches keep using the current one until the swap.
    const fresh = new EmbeddedIndexData<D>(this.schema, this.analyzer);
    let previous: Promise<void> = Promise.resolve();
    for await (const batch of source) {
      checkDocuments(this.schema, batch);
      const prepared = this.prepare(batch, fresh);
      await previous;
      previous = this.apply(fresh, prepared);
    }
    await previous;
    await this.exclusive(async () => {
      const checkpoint = options.checkpoint ?? null;
      await this.store?.writeSnapshot(fresh.documents(), fresh.size, this.synonyms, checkpoint);
      this.data = fresh;
      this.checkpoint = checkpoint;
    });
    return { documents: fresh.size };
  }

  /** Resolves when every write issued so far has finished. */
  async idle(): Promise<void> {
    await this.writes.catch(() => undefined);
  }

  private async load(): Promise<void> {
    if (!this.store) return;
    const stored = await this.store.load();
    this.useSynonyms(stored.synonyms);
    this.checkpoint = stored.checkpoint;
    const documents = [...stored.documents.values()];
    stored.documents.clear();
    const fresh = new EmbeddedIndexData<D>(this.schema, this.analyzer);
    await this.apply(fresh, this.prepare(documents, fresh));
    this.data = fresh;
  }

  /** Starts segmenting `documents` (in chunks, on the worker pool) and returns the pending chunks. */
  private prepare(documents: readonly D[], into: EmbeddedIndexData<D> = this.data): { documents: readonly D[]; tokens: Promise<string[]> }[] {
    const chunks: { documents: readonly D[]; tokens: Promise<string[]> }[] = [];
    for (let start = 0; start < documents.length; start += APPLY_CHUNK) {
      const chunk = documents.slice(start, start + APPLY_CHUNK);
      const tokens = this.pool.segment(chunk.flatMap((doc) => into.searchableTexts(doc)));
      // Awaited later, in order; mark it handled now so an early failure elsewhere cannot leave it unobserved.
      tokens.catch(() => undefined);
      chunks.push({ documents: chunk, tokens });
    }
    return chunks;
  }

  private async apply(into: EmbeddedIndexData<D>, chunks: { documents: readonly D[]; tokens: Promise<string[]> }[]): Promise<void> {
    const fields = this.schema.searchable.length;
    for (const chunk of chunks) {
      const tokens = await chunk.tokens;
      chunk.documents.forEach((doc, i) => into.put(doc, tokens.slice(i * fields, (i + 1) * fields)));
    }
  }

  private async compactIfLarge(): Promise<void> {
    if (!this.store || this.store.journalBytes < Math.max(COMPACT_FLOOR_BYTES, this.store.snapshotBytes)) return;
    await this.store.writeSnapshot(this.data.documents(), this.data.size, this.synonyms, this.checkpoint);
  }

  private useSynonyms(groups: string[][]): void {
    this.synonyms = groups;
    this.matcher = new SynonymMatcher(groups);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.catch(() => undefined).then(work);
    this.writes = run;
    return run;
  }
}
