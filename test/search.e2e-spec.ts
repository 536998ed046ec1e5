import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { GraphQLClient } from 'graphql-request';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { client, failure } from './support/graphql-client';
import { ROOT, RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { CREATE_NEED, LOGIN, needInput, REGISTER, SUBMIT_NEED } from './support/operations';
import { CREATE_SYNONYM_GROUP, DELETE_SYNONYM_GROUP, SEARCH, SearchView, SYNONYM_GROUPS } from './support/search-operations';

const textOf = (hit: SearchView['hits'][number]) => `${hit.node?.title ?? hit.node?.name ?? ''} ${hit.node?.description ?? hit.node?.bio ?? ''}`;

/** Search over the Chinese demo data, through the gateway, on the real PostgreSQL. */
describe('search over the demo listings', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  let anonymous: GraphQLClient;

  const search = async (input: Record<string, unknown>) => (await anonymous.request<{ search: SearchView }>(SEARCH, { input })).search;

  beforeAll(async () => {
    database = await createTestDatabase('search');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'true' } });
    anonymous = client(marketplace.url);
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  it('ranks the obviously relevant listings first, with highlighted Chinese snippets', async () => {
    const warpKnitting = await search({ query: '经编机 断纱检测', first: 3 });
    expect(textOf(warpKnitting.hits[0])).toMatch(/经编/);
    expect(textOf(warpKnitting.hits[0])).toMatch(/断纱/);
    expect(warpKnitting.hits[0].highlights.flatMap((h) => h.snippets).join('')).toMatch(/<em>(经编机?|断纱)<\/em>/);

    const perovskite = await search({ query: '钙钛矿 电池 效率', first: 3 });
    expect(perovskite.hits).toHaveLength(3);
    for (const hit of perovskite.hits) expect(textOf(hit)).toMatch(/钙钛矿/);
    expect(perovskite.processingTimeMs).toBeGreaterThanOrEqual(0);
  });

  it('finds listings through synonyms: 太阳能电池 finds ones that only say 光伏电池', async () => {
    const result = await search({ query: '太阳能电池', first: 50 });
    const onlyPhotovoltaic = result.hits.filter((hit) => /光伏电池/.test(textOf(hit)) && !/太阳能电池/.test(textOf(hit)));
    expect(onlyPhotovoltaic.length).toBeGreaterThan(0);
  });

  it('never shows contact details in hits', async () => {
    const result = await search({ first: 50, kinds: ['NEED', 'RESULT'] });
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) expect(hit.node?.contact ?? null).toBeNull();
  });

  it.each(['INDUSTRY', 'REGION', 'KIND', 'COOPERATION_MODE', 'CONCEPT'])('makes %s facet counts equal the hits of filtering by each value', async (facet) => {
    const facetsOf = await search({ query: '检测', facets: [facet], first: 1 });
    const values = facetsOf.facetDistribution.find((distribution) => distribution.facet === facet)?.values ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const { value, count } of values.slice(0, 6)) {
      const filters =
        facet === 'INDUSTRY'
          ? { industries: [value] }
          : facet === 'REGION'
            ? { regions: [value] }
            : facet === 'COOPERATION_MODE'
              ? { cooperationModes: [value] }
              : facet === 'CONCEPT'
                ? { concepts: [value] }
                : {};
      const kinds = facet === 'KIND' ? [value] : undefined;
      const filtered = await search({ query: '检测', filters, kinds, first: 1 });
      expect({ value, hits: filtered.totalHits }).toEqual({ value, hits: count });
    }
  });

  it('expands a shop-floor query through the knowledge graph, below the literal results, saying through which concept', async () => {
    const result = await search({ query: '布面老是有横条', first: 5 });
    const expansion = result.expansion;
    expect(expansion).not.toBeNull();
    expect(expansion?.concepts.some((concept) => concept.relation === 'SAME' && concept.label === '横条')).toBe(true);
    expect(expansion?.concepts.some((concept) => concept.relation === 'BRIDGE' && concept.fromLabel === '横条')).toBe(true);
    const literal = new Set(result.hits.map((hit) => hit.id));
    expect(expansion?.hits.length).toBeGreaterThan(0);
    for (const { hit, concept } of expansion?.hits ?? []) {
      expect(literal.has(hit.id)).toBe(false);
      expect(hit.node).not.toBeNull();
      // The listing does name the concept it is said to be found through.
      const naming = await search({ filters: { concepts: [concept.id] }, first: 50 });
      expect(naming.hits.map((named) => named.id)).toContain(hit.id);
    }
    // An English query reaches the Chinese listings through the same concepts.
    const english = await search({ query: 'fabric defect detection for warp knitting', first: 5 });
    expect(english.expansion?.hits.length).toBeGreaterThan(0);
    expect(english.expansion?.hits.some(({ hit }) => /[\u4e00-\u9fff]/.test(hit.node?.title ?? hit.node?.name ?? ''))).toBe(true);
    // Later pages and queries naming no concept are not expanded.
    expect((await search({ query: '布面老是有横条', first: 5, after: result.pageInfo.endCursor ?? undefined })).expansion).toBeNull();
    expect((await search({ query: 'qwertyuiop', first: 5 })).expansion).toBeNull();
  });

  it('labels facet values in Chinese with their taxonomy parent', async () => {
    const result = await search({ facets: ['INDUSTRY', 'REGION'], first: 1 });
    const regions = result.facetDistribution.find((distribution) => distribution.facet === 'REGION')?.values;
    expect(regions).toEqual(expect.arrayContaining([expect.objectContaining({ value: '330481', label: '海宁市', parent: '330400' })]));
  });

  it('pages through every hit once', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const page: SearchView = await search({ first: 20, ...(after ? { after } : {}) });
      total = page.totalHits;
      for (const hit of page.hits) seen.add(hit.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(40 + 80 + 25);
  });

  it('treats injection-looking filter values as plain values: no error, no drafts', async () => {
    const { register } = await anonymous.request<{ register: { accessToken: string } }>(REGISTER, {
      input: { email: 'draft-owner@e2e.cn', password: 'Drafts2026', displayName: '草稿', role: 'ENTERPRISE' },
    });
    const owner = client(marketplace.url, register.accessToken);
    const draftTitle = '仅草稿可见的经编断纱检测需求';
    await owner.request(CREATE_NEED, { input: needInput({ title: draftTitle }) });
    const pending = await owner.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput({ title: '待审核的经编断纱检测需求' }) });
    await owner.request(SUBMIT_NEED, { id: pending.createNeed.id });

    const hostile = 'x" OR status = "DRAFT';
    const viaFilter = await search({ query: '经编', filters: { industries: [hostile], regions: [hostile] } });
    expect(viaFilter.totalHits).toBe(0);
    const viaQuery = await search({ query: hostile, first: 50 });
    const viaPlain = await search({ query: '经编 断纱 需求', first: 50 });
    for (const hit of [...viaQuery.hits, ...viaPlain.hits]) {
      expect(hit.node?.title ?? '').not.toMatch(/仅草稿可见|待审核/);
    }
  });

  it('refuses out-of-range input with BAD_USER_INPUT', async () => {
    expect((await failure(anonymous, SEARCH, { input: { first: 500 } })).code).toBe('BAD_USER_INPUT');
    expect((await failure(anonymous, SEARCH, { input: { filters: { trlMin: 7, trlMax: 3 } } })).code).toBe('BAD_USER_INPUT');
    expect((await failure(anonymous, SEARCH, { input: { after: 'bm90LWEtY3Vyc29y' } })).code).toBe('BAD_USER_INPUT');
    expect((await failure(anonymous, SEARCH, { input: { kinds: ['SPACESHIP'] } })).code).toBe('BAD_USER_INPUT');
  });

  it('lets administrators, and only them, edit the synonym list', async () => {
    const term = '犇骉麤';
    expect((await search({ query: term })).totalHits).toBe(0);
    const { synonymGroups } = await anonymous.request<{ synonymGroups: { terms: string[] }[] }>(SYNONYM_GROUPS);
    expect(synonymGroups.some((group) => group.terms.includes('光伏电池'))).toBe(true);
    expect(synonymGroups.some((group) => group.terms.includes('钙钛矿'))).toBe(false);

    const { register } = await anonymous.request<{ register: { accessToken: string } }>(REGISTER, {
      input: { email: 'not-admin@e2e.cn', password: 'NotAdmin2026', displayName: '普通用户', role: 'BROKER' },
    });
    const denied = await failure(client(marketplace.url, register.accessToken), CREATE_SYNONYM_GROUP, { input: { terms: [term, '钙钛矿'] } });
    expect(denied.code).toBe('FORBIDDEN');

    const { login } = await anonymous.request<{ login: { accessToken: string } }>(LOGIN, { input: TEST_ADMIN });
    const admin = client(marketplace.url, login.accessToken);
    const clash = await failure(admin, CREATE_SYNONYM_GROUP, { input: { terms: [term, '光伏电池'] } });
    expect(clash.code).toBe('BAD_USER_INPUT');
    expect((await search({ query: term })).totalHits).toBe(0);

    const { createSynonymGroup } = await admin.request<{ createSynonymGroup: { id: string } }>(CREATE_SYNONYM_GROUP, { input: { terms: [term, '钙钛矿'] } });
    const viaSynonym = await search({ query: term, first: 5 });
    expect(viaSynonym.totalHits).toBeGreaterThan(0);
    expect(textOf(viaSynonym.hits[0])).toMatch(/钙钛矿/);

    await admin.request(DELETE_SYNONYM_GROUP, { id: createSynonymGroup.id });
    expect((await search({ query: term })).totalHits).toBe(0);
  });

  it('rebuilds the index with `npm run reindex` while search stays up', async () => {
    const before = await search({ first: 1 });
    const reindex = promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'apps/search/src/reindex.ts'], { cwd: ROOT, env: marketplace.env });
    const during = await search({ query: '光伏', first: 1 });
    expect(during.totalHits).toBeGreaterThan(0);
    const { stdout } = await reindex;
    expect(stdout).toMatch(new RegExp(`reindexed ${before.totalHits} listings`));
    expect((await search({ first: 1 })).totalHits).toBe(before.totalHits);
  });
});
