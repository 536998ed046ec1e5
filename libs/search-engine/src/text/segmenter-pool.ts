import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Analyzer, sharedAnalyzer } from './analyzer';

interface Pending {
  resolve(tokens: string[]): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Below this many texts the round trip to a worker costs more than segmenting in place. */
const INLINE_LIMIT = 64;
const CHUNK = 256;

/**
 * Segments texts with jieba on worker threads (one jieba per worker), so indexing uses every core
 * while the main thread builds the index. Each text comes back as its tokens joined by spaces —
 * one string crosses the thread boundary instead of an array of small strings.
 */
export class SegmenterPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 1;
  private nextWorker = 0;
  private closed = false;
  private failure: Error | undefined;

  constructor(
    private size = defaultPoolSize(),
    private readonly extraWords: readonly string[] = [],
    private readonly inline: Analyzer = sharedAnalyzer(),
  ) {}

  /** Token strings for `texts` (empty string for empty/null text), in order. */
  async segment(texts: readonly (string | null)[]): Promise<string[]> {
    if (this.size === 0 || texts.length < INLINE_LIMIT) return texts.map((text) => (text ? [...new Set(this.inline.indexTokens(text))].join(' ') : ''));
    const chunks: Promise<string[]>[] = [];
    for (let start = 0; start < texts.length; start += CHUNK) chunks.push(this.send(texts.slice(start, start + CHUNK)));
    try {
      return (await Promise.all(chunks)).flat();
    } catch (error) {
      if (this.closed) throw error;
      // A worker that cannot start or crashed must not stop indexing: segment here from now on.
      this.failure = error as Error;
      this.size = 0;
      return texts.map((text) => (text ? [...new Set(this.inline.indexTokens(text))].join(' ') : ''));
    }
  }

  /** Why the pool fell back to segmenting on the calling thread, if it did. */
  get fallbackReason(): Error | undefined {
    return this.failure;
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((entry) => entry.worker.terminate()));
  }

  private send(texts: (string | null)[]): Promise<string[]> {
    if (this.closed) return Promise.reject(new Error('SegmenterPool is closed'));
    const entry = this.pick();
    const id = this.nextId++;
    return new Promise<string[]>((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.ref();
      entry.worker.postMessage({ id, texts });
    });
  }

  private pick(): PoolWorker {
    if (this.workers.length < this.size) {
      const entry = this.spawn();
      this.workers.push(entry);
      return entry;
    }
    const entry = this.workers[this.nextWorker % this.workers.length];
    this.nextWorker += 1;
    return entry;
  }

  private spawn(): PoolWorker {
    const fromSource = __filename.endsWith('.ts');
    const worker = new Worker(join(__dirname, 'segmenter.worker.js'), {
      workerData: {
        registerTypeScript: fromSource,
        analyzerModule: join(__dirname, fromSource ? 'analyzer.ts' : 'analyzer.js'),
        extraWords: [...this.extraWords],
      },
    });
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (message: { id: number; tokens?: string[]; error?: string }) => {
      const pending = entry.pending.get(message.id);
      if (!pending) return;
      entry.pending.delete(message.id);
      if (entry.pending.size === 0) worker.unref();
      if (message.error !== undefined) pending.reject(new Error(`Segmenter worker failed: ${message.error}`));
      else pending.resolve(message.tokens ?? []);
    });
    const failAll = (error: Error) => {
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (entry.pending.size > 0) failAll(new Error(`Segmenter worker exited with code ${code}`));
    });
    return entry;
  }
}

/**
 * One core is left to the main thread, which builds the index (FlexSearch inserts cost more per
 * document than jieba does, so one worker keeps ahead of it; more would only compete for cores).
 */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}
