import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpExchange } from './openapi-validator';

/**
 * A local HTTP endpoint that records every request the Meilisearch adapter sends, so the tests can
 * validate them against the OpenAPI description. It answers with minimal responses shaped like the
 * description (tasks succeed at once, searches echo stored documents) — just enough for the adapter
 * to carry on. It does not search and is not a Meilisearch server: the contract suite never runs
 * against it.
 */
export class RequestRecorder {
  readonly exchanges: HttpExchange[] = [];
  private server: Server | undefined;
  private readonly indexes = new Map<string, { primaryKey: string | null; settings: Record<string, unknown>; docs: Map<string, Record<string, unknown>> }>();
  private readonly tasks = new Map<number, Record<string, unknown>>();
  private nextTask = 1;
  private readonly faults: { method: string; path: RegExp; status: number; remaining: number }[] = [];
  private readonly failingTasks = new Set<string>();

  async start(): Promise<string> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve());
  }

  /** The next `times` matching requests get `status` (e.g. 503) before anything is done. */
  failNext(method: string, path: RegExp, status: number, times = 1): void {
    this.faults.push({ method, path, status, remaining: times });
  }

  /** Tasks of this type end as `failed`. */
  failTasksOfType(type: string): void {
    this.failingTasks.add(type);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://recorder');
    const exchange: HttpExchange = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value])),
      body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
      status: 500,
      response: undefined,
    };
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && candidate.method === exchange.method && candidate.path.test(exchange.path));
    let status: number;
    let body: unknown;
    if (fault) {
      fault.remaining -= 1;
      [status, body] = [fault.status, { message: 'injected failure', code: 'internal', type: 'internal', link: 'https://docs.meilisearch.com/errors#internal' }];
    } else {
      [status, body] = this.answer(exchange);
    }
    exchange.status = status;
    exchange.response = body;
    this.exchanges.push(exchange);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body === undefined ? '' : JSON.stringify(body));
  }

  private answer(exchange: HttpExchange): [number, unknown] {
    const { method, path } = exchange;
    const body = exchange.body as Record<string, unknown> & unknown[];
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const now = new Date().toISOString();
    const index = (uid: string) => this.indexes.get(uid);
    const notFound = (what: string) => [404, { message: `${what} not found.`, code: `${what}_not_found`, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${what}_not_found` }] as [number, unknown];
    const enqueue = (type: string, indexUid: string | null, apply: () => void = () => undefined): [number, unknown] => {
      const uid = this.nextTask++;
      const failed = this.failingTasks.has(type);
      if (!failed) apply();
      this.tasks.set(uid, {
        uid,
        batchUid: uid,
        indexUid,
        status: failed ? 'failed' : 'succeeded',
        type,
        canceledBy: null,
        details: null,
        error: failed ? { message: 'injected task failure', code: 'internal', type: 'internal', link: 'https://docs.meilisearch.com/errors#internal' } : null,
        duration: 'PT0.001S',
        enqueuedAt: now,
        startedAt: now,
        finishedAt: now,
      });
      return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: now }];
    };

    if (parts[0] === 'tasks' && parts.length === 2 && method === 'GET') {
      const task = this.tasks.get(Number(parts[1]));
      return task ? [200, task] : notFound('task');
    }
    if (parts[0] === 'swap-indexes' && method === 'POST') {
      return enqueue('indexSwap', null, () => {
        for (const swap of body as unknown as { indexes: [string, string] }[]) {
          const [a, b] = swap.indexes;
          const left = this.indexes.get(a);
          const right = this.indexes.get(b);
          if (left && right) {
            this.indexes.set(a, right);
            this.indexes.set(b, left);
          }
        }
      });
    }
    if (parts[0] === 'multi-search' && method === 'POST') {
      const queries = (body as unknown as { queries: Record<string, unknown>[] }).queries;
      return [200, { results: queries.map((query) => ({ indexUid: query['indexUid'], ...this.searchResult(String(query['indexUid']), query) })) }];
    }
    if (parts[0] !== 'indexes') return notFound('route');
    if (parts.length === 1 && method === 'POST') {
      const uid = String(body['uid']);
      return enqueue('indexCreation', uid, () => this.indexes.set(uid, { primaryKey: (body['primaryKey'] as string) ?? null, settings: {}, docs: new Map() }));
    }
    const uid = parts[1];
    const target = index(uid);
    const rest = parts.slice(2).join('/');
    if (rest === '' && method === 'GET') return target ? [200, { uid, primaryKey: target.primaryKey, createdAt: now, updatedAt: now }] : notFound('index');
    if (rest === '' && method === 'DELETE') return enqueue('indexDeletion', uid, () => this.indexes.delete(uid));
    if (!target && method === 'POST' && rest === 'documents') {
      // Adding documents creates a missing index (Meilisearch behaves so).
      return enqueue('documentAdditionOrUpdate', uid, () =>
        this.indexes.set(uid, { primaryKey: exchange.query['primaryKey'] ?? null, settings: {}, docs: new Map((body as unknown as Record<string, unknown>[]).map((doc) => [String(doc['id']), doc])) }),
      );
    }
    if (!target) return notFound('index');
    switch (`${method} ${rest}`) {
      case 'GET settings':
        return [200, target.settings];
      case 'PATCH settings':
        return enqueue('settingsUpdate', uid, () => Object.assign(target.settings, body));
      case 'GET settings/synonyms':
        return [200, target.settings['synonyms'] ?? {}];
      case 'PUT settings/synonyms':
        return enqueue('settingsUpdate', uid, () => (target.settings['synonyms'] = body));
      case 'POST documents':
        return enqueue('documentAdditionOrUpdate', uid, () => {
          for (const doc of body as unknown as Record<string, unknown>[]) target.docs.set(String(doc['id']), doc);
        });
      case 'POST documents/delete-batch':
        return enqueue('documentDeletion', uid, () => {
          for (const id of body as unknown as string[]) target.docs.delete(id);
        });
      case 'POST documents/fetch': {
        const results = [...target.docs.values()];
        return [200, { results, offset: 0, limit: Number(body['limit'] ?? 20), total: results.length }];
      }
      case 'GET stats':
        return [200, { numberOfDocuments: target.docs.size, indexSize: 0, usedIndexSize: 0, rawDocumentDbSize: 0, avgDocumentSize: 0, isIndexing: false, fieldDistribution: {} }];
      case 'POST search':
        return [200, this.searchResult(uid, body)];
      default:
        if (method === 'GET' && parts[2] === 'documents' && parts.length === 4) {
          const doc = target.docs.get(parts[3]);
          return doc ? [200, doc] : notFound('document');
        }
        return notFound('route');
    }
  }

  /** Echoes stored documents as hits (no matching): enough for the adapter to map a response. */
  private searchResult(uid: string, query: Record<string, unknown>): Record<string, unknown> {
    const docs = [...(this.indexes.get(uid)?.docs.values() ?? [])];
    const hitsPerPage = query['hitsPerPage'] as number | undefined;
    const limit = hitsPerPage ?? (query['limit'] as number | undefined) ?? 20;
    const hits = docs.slice(0, limit).map((doc) => ({
      ...doc,
      _rankingScore: 0.5,
      _formatted: Object.fromEntries(
        ((query['attributesToHighlight'] as string[] | undefined) ?? []).map((field) => [
          field,
          typeof doc[field] === 'string' ? `${String(query['highlightPreTag'] ?? '')}${String(doc[field])}${String(query['highlightPostTag'] ?? '')}` : doc[field],
        ]),
      ),
    }));
    const facetDistribution = Object.fromEntries(((query['facets'] as string[] | undefined) ?? []).map((facet) => [facet, {}]));
    const pagination =
      hitsPerPage !== undefined
        ? { hitsPerPage, page: query['page'] ?? 1, totalHits: docs.length, totalPages: hitsPerPage === 0 ? 0 : Math.ceil(docs.length / hitsPerPage) }
        : { offset: query['offset'] ?? 0, limit, estimatedTotalHits: docs.length };
    return { hits, query: query['q'] ?? '', processingTimeMs: 1, facetDistribution, ...pagination };
  }
}
