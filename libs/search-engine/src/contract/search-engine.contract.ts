import { AppError, ErrorCode } from '@ttm/errors';
import { F, Filter } from '../filter';
import { SearchEngine, SearchIndex, SearchRequest } from '../search-engine';
import { CONTRACT_CORPUS, CONTRACT_SCHEMA, CONTRACT_SYNONYMS, ContractDoc } from './contract-fixtures';

function corpusDoc(id: string): ContractDoc {
  const found = CONTRACT_CORPUS.find((doc) => doc.id === id);
  if (!found) throw new Error(`No fixture ${id}`);
  return found;
}

export interface ContractTarget {
  engine: SearchEngine;
  /** Drops what the run created (indexes on a server, files on disk). */
  cleanup(): Promise<void>;
}

/**
 * The behaviour every SearchEngine adapter must show. Call inside a spec with a factory for the
 * adapter under test; each call creates its own indexes (named `<prefix><n>`).
 */
export function describeSearchEngineContract(label: string, createTarget: () => Promise<ContractTarget>): void {
  describe(`SearchEngine contract: ${label}`, () => {
    let target: ContractTarget;
    let counter = 0;
    const run = Date.now().toString(36);
    const freshIndex = async (docs: ContractDoc[] = CONTRACT_CORPUS): Promise<SearchIndex<ContractDoc>> => {
      const index = target.engine.index(`contract_${run}_${++counter}`, CONTRACT_SCHEMA);
      await index.ensure();
      await index.upsert(docs);
      return index;
    };
    const ids = async (index: SearchIndex<ContractDoc>, request: SearchRequest) => (await index.search({ limit: 200, ...request })).hits.map((hit) => hit.id);
    const oracle = (predicate: (doc: ContractDoc) => boolean, docs = CONTRACT_CORPUS) => docs.filter(predicate).map((doc) => doc.id).sort();

    let shared: SearchIndex<ContractDoc>;
    beforeAll(async () => {
      target = await createTarget();
      shared = await freshIndex();
    });
    afterAll(async () => {
      await target?.cleanup();
    });

    describe('Chinese relevance and highlighting', () => {
      it.each([
        ['钙钛矿叠层电池', 'r-perovskite'],
        ['经编机断纱', 'n-warp-yarn'],
        ['锂离子电池 热失控', 'r-li-thermal'],
        ['皮革废水', 'n-leather'],
        ['家纺抗菌', 'r-home-textile'],
      ])('ranks the obviously relevant listing first for 「%s」', async (query, expected) => {
        const response = await shared.search({ query });
        expect(response.hits[0]?.id).toBe(expected);
        for (const hit of response.hits) {
          expect(hit.score).toBeGreaterThan(0);
          expect(hit.score).toBeLessThanOrEqual(1);
        }
      });

      it('finds the key terms of a long need statement (condensed to ten terms)', async () => {
        const response = await shared.search({
          query: '我们是一家经编企业，车间里的经编机经常断纱，目前全部依靠人工巡检，希望找到能够自动检测断纱并及时停机报警的机器视觉方案，预算大约三十万元，要求三个月内完成现场部署和验收',
        });
        expect(response.hits[0]?.id).toBe('n-warp-yarn');
      });

      it('returns nothing for words no listing contains', async () => {
        const response = await shared.search({ query: '量子计算机' });
        expect(response.totalHits).toBe(0);
        expect(response.hits).toEqual([]);
      });

      it('highlights Chinese terms with the requested tags, HTML-escaped', async () => {
        const response = await shared.search({ query: '钙钛矿', highlight: { fields: ['title', 'description', 'keywords'] } });
        const hit = response.hits.find((candidate) => candidate.id === 'r-perovskite');
        if (!hit) throw new Error('r-perovskite not found');
        expect(hit.highlights['title']?.[0]).toContain('<em>钙钛矿</em>');
        expect(hit.highlights['keywords']).toEqual(['<em>钙钛矿</em>']);
        const description = hit.highlights['description'][0];
        expect(description).toContain('<em>钙钛矿</em>');
        expect(description.replace(/<\/?em>/g, '')).not.toMatch(/[<>]/);
        const custom = await shared.search({ query: '断纱', highlight: { fields: ['title'], preTag: '[[', postTag: ']]' } });
        expect(custom.hits[0]?.highlights['title']?.[0]).toContain('[[断纱]]');
      });
    });

    describe('synonyms', () => {
      it('applies synonym groups at query time, both ways', async () => {
        const index = await freshIndex();
        expect(await ids(index, { query: '太阳能电池' })).not.toContain('n-pv-cleaning');
        await index.setSynonyms(CONTRACT_SYNONYMS);
        expect(await ids(index, { query: '太阳能电池' })).toEqual(expect.arrayContaining(['n-pv-cleaning', 'r-solar-crack']));
        expect(await ids(index, { query: '光伏' })).toEqual(expect.arrayContaining(['n-pv-cleaning', 'r-solar-crack']));
        expect(await ids(index, { query: '人工智能' })).toEqual(expect.arrayContaining(['e-textile-ai', 'n-ai-qc']));
        expect(await ids(index, { query: 'AI' })).toEqual(expect.arrayContaining(['e-textile-ai', 'n-ai-qc']));
        expect(await ids(index, { query: '半导体' })).toEqual(expect.arrayContaining(['r-chip-pack', 'e-ic-design']));
        expect(await ids(index, { query: '锂电' })).toEqual(expect.arrayContaining(['r-li-thermal', 'n-li-recycle']));
        const groups = await index.getSynonyms();
        expect(groups.map((group) => [...group].sort()).sort()).toEqual(CONTRACT_SYNONYMS.map((group) => [...group].sort()).sort());
      });
    });

    describe('filters', () => {
      const cases: [string, Filter, (doc: ContractDoc) => boolean][] = [
        ['eq', F.eq('kind', 'NEED'), (doc) => doc.kind === 'NEED'],
        ['ne', F.ne('kind', 'NEED'), (doc) => doc.kind !== 'NEED'],
        ['eq on an array field (contains)', F.eq('keywords', '钙钛矿'), (doc) => doc.keywords.includes('钙钛矿')],
        ['in', F.in('industry', ['TEXTILE', 'HOSIERY']), (doc) => ['TEXTILE', 'HOSIERY'].includes(doc.industry)],
        ['range gte/lte (inclusive)', F.range('budget', { gte: 500_000, lte: 3_000_000 }), (doc) => doc.budget !== null && doc.budget >= 500_000 && doc.budget <= 3_000_000],
        ['range gt/lt (exclusive)', F.range('budget', { gt: 500_000, lt: 3_000_000 }), (doc) => doc.budget !== null && doc.budget > 500_000 && doc.budget < 3_000_000],
        ['range on a date', F.range('publishedAt', { gte: '2024-06-01T00:00:00Z' }), (doc) => doc.publishedAt >= '2024-06-01'],
        ['exists', F.exists('region'), (doc) => doc.region !== null],
        ['not exists', F.not(F.exists('budget')), (doc) => doc.budget === null],
        ['boolean', F.eq('openLicense', true), (doc) => doc.openLicense],
        ['number eq', F.eq('trl', 5), (doc) => doc.trl === 5],
        [
          'and / or / not',
          F.and(F.eq('status', 'PUBLISHED'), F.or(F.eq('industry', 'NEW_ENERGY'), F.eq('kind', 'EXPERT')), F.not(F.eq('kind', 'CHALLENGE'))),
          (doc) => doc.status === 'PUBLISHED' && (doc.industry === 'NEW_ENERGY' || doc.kind === 'EXPERT') && doc.kind !== 'CHALLENGE',
        ],
      ];
      it.each(cases)('%s', async (_name, filter, predicate) => {
        expect((await ids(shared, { filter })).sort()).toEqual(oracle(predicate));
      });

      it('combines filters with a text query', async () => {
        expect((await ids(shared, { query: '钙钛矿', filter: F.eq('status', 'PUBLISHED') })).sort()).toEqual(['c-perovskite', 'r-perovskite']);
      });

      it.each([
        ['a quote and OR', 'x" OR status = "DRAFT'],
        ['a single quote', "x' OR status = 'DRAFT"],
        ['backslashes', 'x\\" OR status = \\"DRAFT\\'],
        ['a trailing backslash', 'NEW_ENERGY\\'],
        ['parentheses and NOT', ') OR NOT (status = "PUBLISHED"'],
        ['emoji', '🔥光伏🔥'],
        ['a newline', 'NEW_ENERGY\nOR status = DRAFT'],
      ])('treats a value with %s as a plain value (no error, no leak)', async (_name, value) => {
        const response = await shared.search({ filter: F.and(F.eq('status', 'PUBLISHED'), F.eq('industry', value)), limit: 200 });
        expect(response.totalHits).toBe(0);
        const inList = await ids(shared, { filter: F.and(F.eq('status', 'PUBLISHED'), F.in('industry', ['LEATHER', value])) });
        expect(inList).toEqual(['n-leather']);
      });

      it('refuses filters it cannot run, with BAD_USER_INPUT', async () => {
        const refusals: SearchRequest[] = [
          { filter: F.eq('description', 'x') },
          { filter: F.eq('industry', '长'.repeat(157)) },
          { filter: F.range('industry', { gte: 1 }) },
          { filter: F.eq('budget', 'many') },
          { sort: [{ field: 'title', direction: 'asc' }] },
          { facets: ['title'] },
          { limit: 10_000 },
        ];
        for (const request of refusals) {
          await expect(shared.search(request)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
          await expect(shared.search(request)).rejects.toBeInstanceOf(AppError);
        }
      });
    });

    describe('facets', () => {
      it.each([
        ['a query', '电池'],
        ['no query', ''],
      ])('counts each facet value exactly as many as the hits filtered by it (%s)', async (_name, query) => {
        const response = await shared.search({ query, facets: ['industry', 'kind', 'keywords', 'trl', 'openLicense'], limit: 0 });
        expect(response.totalHits).toBeGreaterThan(0);
        for (const [field, values] of Object.entries(response.facetDistribution)) {
          expect(Object.keys(values).length).toBeGreaterThan(0);
          for (const [value, count] of Object.entries(values)) {
            const typed = field === 'trl' ? Number(value) : field === 'openLicense' ? value === 'true' : value;
            const filtered = await shared.search({ query, filter: F.eq(field, typed), limit: 0 });
            expect({ field, value, count: filtered.totalHits }).toEqual({ field, value, count });
          }
        }
        const industries = Object.values(response.facetDistribution['industry']).reduce((sum, count) => sum + count, 0);
        expect(industries).toBe(response.totalHits);
      });
    });

    describe('sorting and pagination', () => {
      it('sorts by a number field, documents without a value last', async () => {
        const ascending = await ids(shared, { sort: [{ field: 'budget', direction: 'asc' }] });
        const budgets = ascending.map((id) => corpusDoc(id).budget);
        const present = budgets.filter((budget): budget is number => budget !== null);
        expect(present).toEqual([...present].sort((a, b) => a - b));
        expect(budgets.slice(present.length).every((budget) => budget === null)).toBe(true);
        const descending = (await ids(shared, { sort: [{ field: 'budget', direction: 'desc' }] })).map((id) => corpusDoc(id).budget);
        const presentDesc = descending.filter((budget): budget is number => budget !== null);
        expect(presentDesc).toEqual([...presentDesc].sort((a, b) => b - a));
        expect(descending.slice(presentDesc.length).every((budget) => budget === null)).toBe(true);
      });

      it('sorts by date and filters a query the same way', async () => {
        const newest = await ids(shared, { query: '钙钛矿', sort: [{ field: 'publishedAt', direction: 'desc' }] });
        expect(newest).toEqual(['n-draft', 'c-perovskite', 'r-perovskite']);
      });

      it('pages without duplicates or gaps', async () => {
        const all = await ids(shared, { sort: [{ field: 'publishedAt', direction: 'desc' }] });
        expect(all).toHaveLength(CONTRACT_CORPUS.length);
        const paged: string[] = [];
        for (let offset = 0; offset < all.length; offset += 4) {
          const page = await shared.search({ sort: [{ field: 'publishedAt', direction: 'desc' }], limit: 4, offset });
          expect(page.totalHits).toBe(CONTRACT_CORPUS.length);
          paged.push(...page.hits.map((hit) => hit.id));
        }
        expect(paged).toEqual(all);
        const relevance = await ids(shared, { query: '电池' });
        const relevancePaged: string[] = [];
        for (let offset = 0; offset < relevance.length; offset += 2) {
          relevancePaged.push(...(await shared.search({ query: '电池', limit: 2, offset })).hits.map((hit) => hit.id));
        }
        expect(relevancePaged).toEqual(relevance);
      });

      it('runs several searches in one call', async () => {
        const requests: SearchRequest[] = [{ query: '钙钛矿' }, { filter: F.eq('kind', 'EXPERT') }];
        const [first, second] = await shared.searchMany(requests);
        expect(first.hits.map((hit) => hit.id)).toEqual(await ids(shared, requests[0]));
        expect(second.hits.map((hit) => hit.id).sort()).toEqual(oracle((doc) => doc.kind === 'EXPERT'));
      });
    });

    describe('writes', () => {
      it('replaces a document on upsert and removes it on delete', async () => {
        const index = await freshIndex();
        const chip = corpusDoc('r-chip-pack');
        expect(await ids(index, { query: '导热' })).toContain('r-chip-pack');
        await index.upsert([{ ...chip, title: '芯片封装液冷板', description: '微通道液冷板，用于大功率芯片散热。', keywords: ['液冷'] }]);
        expect(await ids(index, { query: '导热' })).not.toContain('r-chip-pack');
        expect(await ids(index, { query: '液冷' })).toEqual(['r-chip-pack']);
        expect((await index.stats()).documents).toBe(CONTRACT_CORPUS.length);
        expect((await index.get(['r-chip-pack']))[0]?.title).toBe('芯片封装液冷板');

        await index.delete(['n-leather', 'no-such-id']);
        expect(await ids(index, { query: '鞣制' })).toEqual([]);
        expect(await index.get(['n-leather', 'r-chip-pack'])).toEqual([expect.objectContaining({ id: 'r-chip-pack' })]);
        expect((await index.stats()).documents).toBe(CONTRACT_CORPUS.length - 1);
        expect(await index.get(['r-perovskite'])).toEqual([CONTRACT_CORPUS[0]]);
      });

      it('records a checkpoint with the index', async () => {
        const index = await freshIndex([]);
        expect((await index.stats()).checkpoint).toBeNull();
        await index.setCheckpoint('1042');
        expect((await index.stats()).checkpoint).toBe('1042');
      });

      it('rebuilds into a fresh index and swaps, while search keeps answering from the old one', async () => {
        const index = await freshIndex();
        await index.setSynonyms(CONTRACT_SYNONYMS);
        const replacement = CONTRACT_CORPUS.filter((doc) => doc.id !== 'n-leather').concat({
          ...CONTRACT_CORPUS[0],
          id: 'r-new-membrane',
          title: '纳滤膜制革废水回用',
          description: '纳滤膜分离回收铬鞣废水中的铬盐。',
          keywords: ['纳滤膜'],
        });
        const seenDuringRebuild: string[][] = [];
        async function* batches() {
          yield replacement.slice(0, 6);
          seenDuringRebuild.push(await ids(index, { query: '鞣制' }));
          yield replacement.slice(6);
        }
        const result = await index.rebuild(batches(), { checkpoint: '77' });
        expect(result.documents).toBe(replacement.length);
        expect(seenDuringRebuild).toEqual([['n-leather']]);
        expect(await ids(index, { query: '纳滤膜' })).toEqual(['r-new-membrane']);
        expect(await ids(index, { query: '皮革鞣制' })).not.toContain('n-leather');
        expect(await index.stats()).toEqual({ documents: replacement.length, checkpoint: '77' });
        // Settings and synonyms survive the swap.
        expect(await ids(index, { query: '太阳能电池' })).toContain('n-pv-cleaning');
      });
    });
  });
}
