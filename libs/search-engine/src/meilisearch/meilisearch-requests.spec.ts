import { CONTRACT_CORPUS, CONTRACT_SCHEMA, CONTRACT_SYNONYMS } from '../contract/contract-fixtures';
import { F, Filter, checkFilter } from '../filter';
import { resolveSchema } from '../schema';
import { MAX_FILTER_VALUE_BYTES } from '../search-engine';
import { compileMeiliFilter, dateAttribute, EXISTS_ATTRIBUTE } from './meili-filter';
import { meiliQuery, MeilisearchEngine, SearchEngineError } from './meilisearch-engine';
import { FilterAst, parseMeiliFilter } from './testing/filter-grammar';
import { existsSync } from 'node:fs';
import { OPENAPI_PATH, OpenApiValidator } from './testing/openapi-validator';
import { RequestRecorder } from './testing/request-recorder';

/**
 * Request-level tests of the Meilisearch adapter. No Meilisearch server can run here, so the adapter
 * talks to a local recorder; every request it sends is validated against Meilisearch's OpenAPI
 * description, and every filter string against the documented filter grammar. (The behaviour of the
 * adapter against a real server is the contract suite's job, when MEILI_HOST is set.)
 */
const schema = resolveSchema(CONTRACT_SCHEMA);
// Meilisearch's OpenAPI description lives in the shared folder beside the repository; a clone alone skips what needs it.
const openApiAvailable = existsSync(OPENAPI_PATH);
if (!openApiAvailable) console.log(`Meilisearch request validation SKIPPED: ${OPENAPI_PATH} not found`);
const validator = openApiAvailable ? new OpenApiValidator() : undefined;
const withOpenApi = openApiAvailable ? it : it.skip;
/** The validator, in the tests that only run when the description is there. */
function openApi(): OpenApiValidator {
  if (!validator) throw new Error(`${OPENAPI_PATH} not found`);
  return validator;
}

(openApiAvailable ? describe : describe.skip)('Meilisearch adapter requests', () => {
  let recorder: RequestRecorder;
  let engine: MeilisearchEngine;

  beforeEach(async () => {
    recorder = new RequestRecorder();
    const host = await recorder.start();
    engine = new MeilisearchEngine({ host, apiKey: 'test-key', indexPrefix: 'test', batchSize: 5, retryDelayMs: 1, taskTimeoutMs: 2000, settingsTimeoutMs: 2000 });
  });
  afterEach(async () => {
    await recorder.stop();
  });

  const expectValid = () => {
    expect(recorder.exchanges.length).toBeGreaterThan(0);
    for (const exchange of recorder.exchanges) {
      expect({ request: `${exchange.method} ${exchange.path}`, errors: openApi().validateRequest(exchange) }).toEqual({ request: `${exchange.method} ${exchange.path}`, errors: [] });
      expect(exchange.headers['authorization']).toBe('Bearer test-key');
      // The description documents only the federated multi-search answer, so that one is not checked.
      if (exchange.status < 500 && exchange.path !== '/multi-search') expect({ response: `${exchange.method} ${exchange.path}`, errors: openApi().validateResponse(exchange) }).toEqual({ response: `${exchange.method} ${exchange.path}`, errors: [] });
    }
  };
  const sent = (method: string, path: RegExp) => recorder.exchanges.filter((exchange) => exchange.method === method && path.test(exchange.path));

  it('creates the index with its primary key, then applies settings before any document', async () => {
    const index = engine.index('listings', CONTRACT_SCHEMA);
    await index.ensure();
    await index.setSynonyms(CONTRACT_SYNONYMS);
    await index.upsert(CONTRACT_CORPUS);
    expectValid();
    const order = recorder.exchanges.map((exchange) => `${exchange.method} ${exchange.path}`);
    expect(order.indexOf('POST /indexes')).toBeLessThan(order.indexOf('PATCH /indexes/test_listings/settings'));
    expect(order.indexOf('PATCH /indexes/test_listings/settings')).toBeLessThan(order.indexOf('POST /indexes/test_listings/documents'));
    expect(sent('POST', /^\/indexes$/)[0].body).toEqual({ uid: 'test_listings', primaryKey: 'id' });
    const settings = sent('PATCH', /settings$/)[0].body as Record<string, unknown>;
    expect(settings).toMatchObject({
      searchableAttributes: ['title', 'keywords', 'description'],
      filterableAttributes: expect.arrayContaining(['kind', 'industry', 'budget', dateAttribute('publishedAt'), EXISTS_ATTRIBUTE, 'id']),
      sortableAttributes: expect.arrayContaining(['budget', 'trl', dateAttribute('publishedAt')]),
      localizedAttributes: [{ attributePatterns: ['title', 'keywords', 'description'], locales: ['cmn'] }],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
      faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
      dictionary: expect.arrayContaining(['叠层电池', '经编机']),
    });
    expect(sent('PUT', /synonyms$/)[0].body).toMatchObject({ 光伏: ['太阳能电池'], 太阳能电池: ['光伏'], 芯片: ['集成电路', '半导体'] });
    // Batched documents (batch size 5), every batch awaited.
    const batches = sent('POST', /documents$/);
    expect(batches.map((exchange) => (exchange.body as unknown[]).length)).toEqual([5, 5, 4]);
    expect(batches.every((exchange) => exchange.query['primaryKey'] === 'id')).toBe(true);
    const stored = (batches[0].body as Record<string, unknown>[])[0];
    expect(stored[dateAttribute('publishedAt')]).toBe(Date.parse(CONTRACT_CORPUS[0].publishedAt));
    expect(stored[EXISTS_ATTRIBUTE]).toEqual(expect.arrayContaining(['kind', 'region', 'budget', 'trl']));
    const waited = sent('GET', /^\/tasks\/\d+$/).map((exchange) => Number(exchange.path.split('/')[2]));
    for (const exchange of recorder.exchanges.filter((candidate) => candidate.status === 202)) {
      expect(waited).toContain((exchange.response as { taskUid: number }).taskUid);
    }
  });

  it('changes only the settings that differ', async () => {
    await engine.index('listings', CONTRACT_SCHEMA).ensure();
    const second = new MeilisearchEngine({ ...engine.options, host: engine.options.host });
    await second.index('listings', CONTRACT_SCHEMA).ensure();
    await second.index('listings', CONTRACT_SCHEMA).setSynonyms([]);
    expect(sent('PATCH', /settings$/)).toHaveLength(1);
    expect(sent('PUT', /synonyms$/)).toHaveLength(0);
    expectValid();
  });

  it('sends searches, multi-searches, fetches and deletes that conform', async () => {
    const index = engine.index('listings', CONTRACT_SCHEMA);
    await index.upsert(CONTRACT_CORPUS);
    const response = await index.search({
      query: '钙钛矿 叠层电池',
      filter: F.and(F.eq('status', 'PUBLISHED'), F.range('publishedAt', { gte: '2024-01-01' }), F.not(F.exists('region'))),
      facets: ['industry', 'kind'],
      sort: [{ field: 'publishedAt', direction: 'desc' }],
      limit: 5,
      offset: 5,
      highlight: { fields: ['title', 'keywords'] },
      matchingStrategy: 'frequency',
    });
    expect(response.hits[0]?.highlights['title']?.[0]).toMatch(/^<em>.*<\/em>$/);
    expect(response.hits[0]?.document).not.toHaveProperty(EXISTS_ATTRIBUTE);
    expect(response.totalHitsExact).toBe(true);
    const offPage = await index.search({ query: '光伏', limit: 3, offset: 1 });
    expect(offPage.totalHitsExact).toBe(false);
    await index.searchMany([{ query: '光伏', facets: ['industry'] }, { filter: F.in('kind', ['NEED', 'RESULT']) }]);
    await index.get(['r-perovskite', 'n-leather']);
    await index.delete(CONTRACT_CORPUS.map((doc) => doc.id));
    await index.stats();
    await index.setCheckpoint('99');
    expectValid();
    const search = sent('POST', /search$/)[0].body as Record<string, unknown>;
    expect(search).toMatchObject({ q: '钙钛矿 叠层电池', page: 2, hitsPerPage: 5, showRankingScore: true, sort: [`${dateAttribute('publishedAt')}:desc`], facets: ['industry', 'kind'] });
    expect(sent('POST', /delete-batch$/).map((exchange) => (exchange.body as unknown[]).length)).toEqual([5, 5, 4]);
    expect(sent('POST', /^\/multi-search$/)).toHaveLength(1);
  });

  it('rebuilds into a fresh index, swaps it with the live one and drops the old one', async () => {
    const index = engine.index('listings', CONTRACT_SCHEMA);
    await index.upsert(CONTRACT_CORPUS.slice(0, 3));
    await index.setSynonyms(CONTRACT_SYNONYMS);
    await index.rebuild([CONTRACT_CORPUS.slice(0, 6), CONTRACT_CORPUS.slice(6)], { checkpoint: '500' });
    expectValid();
    const created = sent('POST', /^\/indexes$/).map((exchange) => (exchange.body as { uid: string }).uid);
    const buildUid = created.find((uid) => uid.startsWith('test_listings__rebuild_')) as string;
    expect(buildUid).toBeDefined();
    const swap = sent('POST', /^\/swap-indexes$/);
    expect(swap.map((exchange) => exchange.body)).toEqual([[{ indexes: ['test_listings', buildUid], rename: false }]]);
    expect(sent('DELETE', new RegExp(`^/indexes/${buildUid}$`))).toHaveLength(1);
    // The fresh index gets the live synonyms before documents.
    const buildSettings = sent('PATCH', new RegExp(`^/indexes/${buildUid}/settings$`))[0].body as Record<string, unknown>;
    expect(buildSettings['synonyms']).toMatchObject({ 光伏: ['太阳能电池'] });
    expect((await index.stats()).checkpoint).toBe('500');
  });

  it('retries transient failures and raises on failed tasks', async () => {
    const index = engine.index('listings', CONTRACT_SCHEMA);
    await index.ensure();
    recorder.failNext('POST', /search$/, 503, 2);
    await expect(index.search({ query: '光伏' })).resolves.toBeDefined();
    expect(sent('POST', /search$/).map((exchange) => exchange.status)).toEqual([503, 503, 200]);
    recorder.failNext('POST', /search$/, 503, 10);
    await expect(index.search({ query: '光伏' })).rejects.toBeInstanceOf(SearchEngineError);
    recorder.failTasksOfType('documentAdditionOrUpdate');
    await expect(index.upsert(CONTRACT_CORPUS.slice(0, 1))).rejects.toThrow(/document addition \(task \d+\) failed: injected task failure/);
  });

  it('condenses long queries to Meilisearch’s ten words and neutralises query syntax', () => {
    const long = '我们是一家经编企业，车间里的经编机经常断纱，目前全部依靠人工巡检，希望找到能够自动检测断纱并及时停机报警的机器视觉方案，预算大约三十万元';
    const q = meiliQuery(long);
    expect(q.split(' ').length).toBeLessThanOrEqual(10);
    expect(q).toContain('断纱');
    expect(q).toContain('经编机');
    const plain = meiliQuery('光伏 "组件" -清洗');
    expect(plain).not.toMatch(/["-]/);
    expect(plain.split(/\s+/)).toEqual(['光伏', '组件', '清洗']);
  });
});

describe('Meilisearch filter strings', () => {
  /** What the grammar must read back for a filter, given the adapter's attribute naming. */
  const expected = (filter: Filter): FilterAst => toAst(checkFilter(schema, filter));
  const toAst = (checked: ReturnType<typeof checkFilter>): FilterAst => {
    const attr = (field: string) => (schema.types.get(field) === 'date' ? dateAttribute(field) : field);
    switch (checked.kind) {
      case 'and':
      case 'or':
        return { type: checked.kind, children: checked.filters.map(toAst) };
      case 'not':
        return { type: 'not', child: toAst(checked.filter) };
      case 'exists':
        return { type: 'condition', attribute: EXISTS_ATTRIBUTE, op: '=', value: checked.field };
      case 'eq':
        return { type: 'condition', attribute: attr(checked.field), op: checked.negate ? '!=' : '=', value: String(checked.value) };
      case 'in':
        return { type: 'in', attribute: attr(checked.field), values: checked.values.map(String) };
      case 'range': {
        if (checked.gte !== undefined && checked.lte !== undefined && checked.gt === undefined && checked.lt === undefined) {
          return { type: 'to', attribute: attr(checked.field), from: String(checked.gte), to: String(checked.lte) };
        }
        const parts: FilterAst[] = (['gt', 'gte', 'lt', 'lte'] as const)
          .filter((key) => checked[key] !== undefined)
          .map((key) => ({ type: 'condition', attribute: attr(checked.field), op: ({ gt: '>', gte: '>=', lt: '<', lte: '<=' } as const)[key], value: String(checked[key]) }));
        return parts.length === 1 ? parts[0] : { type: 'and', children: parts };
      }
    }
  };
  const compile = (filter: Filter) => compileMeiliFilter(schema, checkFilter(schema, filter));

  const adversarial = [
    'x" OR status = "DRAFT',
    "x' OR status = 'DRAFT",
    'a\\',
    '\\"',
    '\\\\"\\',
    'AND',
    'NOT (a = b)',
    ') OR (1 = 1',
    '[a, b]',
    '🔥光伏🔥',
    'line\nbreak\ttab',
    '',
    ' padded ',
    '长'.repeat(156),
  ];

  it.each(adversarial.map((value) => [JSON.stringify(value).slice(0, 40), value]))('quotes and escapes %s so it reads back as the same value', (_label, value) => {
    for (const filter of [F.eq('industry', value), F.ne('industry', value), F.in('kind', ['NEED', value, 'RESULT']), F.and(F.eq('status', 'PUBLISHED'), F.eq('industry', value))]) {
      expect(parseMeiliFilter(compile(filter))).toEqual(expected(filter));
    }
  });

  it('keeps precedence explicit for every combination (NOT > AND > OR)', () => {
    const filters: Filter[] = [
      F.or(F.and(F.eq('kind', 'NEED'), F.eq('industry', 'A')), F.not(F.or(F.eq('kind', 'RESULT'), F.exists('region')))),
      F.and(F.or(F.eq('kind', 'NEED'), F.eq('kind', 'RESULT')), F.or(F.eq('industry', 'A'), F.eq('industry', 'B'))),
      F.not(F.not(F.and(F.range('budget', { gt: 1, lt: 2 }), F.range('publishedAt', { gte: '2024-01-01T00:00:00Z', lte: 1_800_000_000_000 })))),
      F.and(F.eq('openLicense', true), F.eq('trl', 9), F.range('budget', { gte: 1e21 }), F.range('budget', { lte: -0.5 })),
    ];
    for (const filter of filters) expect(parseMeiliFilter(compile(filter))).toEqual(expected(filter));
  });

  it('survives random filters with random values', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['a', '"', "'", '\\', ' ', '(', ')', 'OR', 'AND', 'NOT', '=', '光', '🔥', '[', ']', ','];
    const value = () => Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const build = (depth: number): Filter => {
      const pick = Math.floor(random() * (depth > 2 ? 4 : 7));
      if (pick === 0) return F.eq('industry', value());
      if (pick === 1) return F.in('kind', [value(), value()]);
      if (pick === 2) return F.range('budget', { gt: Math.round(random() * 1000) });
      if (pick === 3) return F.exists('region');
      if (pick === 4) return F.not(build(depth + 1));
      return pick === 5 ? F.and(build(depth + 1), build(depth + 1)) : F.or(build(depth + 1), build(depth + 1));
    };
    for (let i = 0; i < 300; i++) {
      const filter = build(0);
      expect(parseMeiliFilter(compile(filter))).toEqual(expected(filter));
    }
  });

  it('refuses values Meilisearch cannot filter on (over 468 bytes)', () => {
    expect(() => compile(F.eq('industry', '长'.repeat(157)))).toThrow(/468 bytes/);
    expect(() => compile(F.eq('industry', 'a'.repeat(470)))).toThrow(/468 bytes/);
    expect(() => compile(F.in('kind', ['NEED', `${'"'.repeat(469)}`]))).toThrow(/468 bytes/);
    expect(parseMeiliFilter(compile(F.eq('industry', '"\\'.repeat(234))))).toEqual(expected(F.eq('industry', '"\\'.repeat(234))));
    expect(Buffer.byteLength('长'.repeat(156))).toBeLessThanOrEqual(MAX_FILTER_VALUE_BYTES);
  });

  withOpenApi('checks every filter the adapter sent in its requests against the grammar', async () => {
    const recorder = new RequestRecorder();
    const engine = new MeilisearchEngine({ host: await recorder.start(), indexPrefix: 'grammar', retryDelayMs: 1 });
    try {
      const index = engine.index('listings', CONTRACT_SCHEMA);
      const filters = adversarial.map((value) => F.or(F.eq('industry', value), F.and(F.not(F.exists('budget')), F.in('kind', [value]))));
      for (const filter of filters) await index.search({ filter });
      await index.searchMany(filters.map((filter) => ({ filter })));
      await index.get(['a"b', 'c\\d'].map((id) => id.replace(/[^A-Za-z0-9_-]/g, '_')));
      const sentFilters = recorder.exchanges.flatMap((exchange) => {
        const body = exchange.body as { filter?: string; queries?: { filter?: string }[] } | undefined;
        return [body?.filter, ...(body?.queries ?? []).map((query) => query.filter)].filter((filter): filter is string => typeof filter === 'string');
      });
      expect(sentFilters.length).toBe(filters.length * 2 + 1);
      for (const filter of sentFilters) expect(() => parseMeiliFilter(filter)).not.toThrow();
      for (const exchange of recorder.exchanges) expect(openApi().validateRequest(exchange)).toEqual([]);
    } finally {
      await recorder.stop();
    }
  });
});
