import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_CORPUS, CONTRACT_SCHEMA, CONTRACT_SYNONYMS, ContractDoc } from '../contract/contract-fixtures';
import { F } from '../filter';
import { EmbeddedSearchEngine } from './embedded-engine';

jest.setTimeout(60_000);

describe('EmbeddedSearchEngine persistence', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ttm-embedded-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const open = (workers = 0) => new EmbeddedSearchEngine({ dataDir, workers });
  const ids = async (engine: EmbeddedSearchEngine, query: string) =>
    (await engine.index('listings', CONTRACT_SCHEMA).search({ query, limit: 100 })).hits.map((hit) => hit.id).sort();

  it('serves the same index after a restart: documents, deletes, synonyms and checkpoint', async () => {
    const first = open();
    const index = first.index('listings', CONTRACT_SCHEMA);
    await index.upsert(CONTRACT_CORPUS);
    await index.delete(['n-leather']);
    await index.upsert([{ ...(CONTRACT_CORPUS[0] as ContractDoc), title: '钙钛矿叠层电池（第二版）' }]);
    await index.setSynonyms(CONTRACT_SYNONYMS);
    await index.setCheckpoint('314');
    const before = await ids(first, '太阳能电池');
    await first.close();

    const second = open();
    const reopened = second.index('listings', CONTRACT_SCHEMA);
    expect(await reopened.stats()).toEqual({ documents: CONTRACT_CORPUS.length - 1, checkpoint: '314' });
    expect(await ids(second, '太阳能电池')).toEqual(before);
    expect(await ids(second, '鞣制')).toEqual([]);
    expect((await reopened.get(['r-perovskite']))[0]?.title).toBe('钙钛矿叠层电池（第二版）');
    expect(await reopened.getSynonyms()).toEqual(CONTRACT_SYNONYMS);
    await second.close();
  });

  it('ignores a journal line torn by a crash, and keeps every completed write', async () => {
    const first = open();
    await first.index('listings', CONTRACT_SCHEMA).upsert(CONTRACT_CORPUS.slice(0, 5));
    // No close(): the process "dies" in the middle of its next write.
    await appendFile(join(dataDir, 'listings', 'journal.ndjson'), '{"op":"upsert","documents":[{"id":"half');
    const second = open();
    expect((await second.index('listings', CONTRACT_SCHEMA).stats()).documents).toBe(5);
    await second.close();
    await first.close();
  });

  it('writes a snapshot on rebuild and starts a fresh journal', async () => {
    const engine = open();
    const index = engine.index('listings', CONTRACT_SCHEMA);
    await index.upsert(CONTRACT_CORPUS.slice(0, 3));
    await index.rebuild([CONTRACT_CORPUS.slice(3, 8), CONTRACT_CORPUS.slice(8)], { checkpoint: '900' });
    await index.delete(['n-leather']);
    const files = await readdir(join(dataDir, 'listings'));
    expect(files.sort()).toEqual(['journal.ndjson', 'snapshot.ndjson']);
    const [firstLine] = (await readFile(join(dataDir, 'listings', 'snapshot.ndjson'), 'utf8')).split('\n');
    const header = JSON.parse(firstLine ?? '{}') as Record<string, unknown>;
    expect(header).toMatchObject({ format: 1, documents: CONTRACT_CORPUS.length - 3, checkpoint: '900' });
    await engine.close();

    const reopened = open();
    expect(await reopened.index('listings', CONTRACT_SCHEMA).stats()).toEqual({ documents: CONTRACT_CORPUS.length - 4, checkpoint: '900' });
    await reopened.close();
  });
});

describe('EmbeddedSearchEngine segmentation on worker threads', () => {
  it('indexes a large batch through the worker pool with the same results as in-thread segmentation', async () => {
    const many: ContractDoc[] = Array.from({ length: 300 }, (_, i) => ({
      ...(CONTRACT_CORPUS[i % CONTRACT_CORPUS.length] as ContractDoc),
      id: `doc-${i}`,
    }));
    const pooled = new EmbeddedSearchEngine({ workers: 2 });
    const inline = new EmbeddedSearchEngine({ workers: 0 });
    try {
      for (const engine of [pooled, inline]) await engine.index('many', CONTRACT_SCHEMA).upsert(many);
      for (const query of ['钙钛矿叠层电池', '经编机断纱', '锂离子电池']) {
        const request = { query, limit: 50, filter: F.eq('status', 'PUBLISHED'), facets: ['industry'] };
        const [a, b] = await Promise.all([pooled.index('many', CONTRACT_SCHEMA).search(request), inline.index('many', CONTRACT_SCHEMA).search(request)]);
        expect(a.totalHits).toBeGreaterThan(0);
        expect(a.hits.map((hit) => [hit.id, hit.score])).toEqual(b.hits.map((hit) => [hit.id, hit.score]));
        expect(a.facetDistribution).toEqual(b.facetDistribution);
      }
    } finally {
      await pooled.close();
      await inline.close();
    }
  });
});

describe('EmbeddedSearchEngine filter-only searches on facet values', () => {
  // A filter-only search that requires a rare facet value reads that value's documents instead of testing
  // every document: what it finds must follow every upsert, change and delete exactly as a full scan would.
  it('finds, counts and orders the documents holding a value through upserts, changes and deletes', async () => {
    const engine = new EmbeddedSearchEngine({ workers: 0 });
    const index = engine.index('listings', CONTRACT_SCHEMA);
    // 共同词 on 3 of the 14 documents (few enough to be read from the value's documents).
    const docs = CONTRACT_CORPUS.map((doc, i) => ({ ...doc, keywords: i % 5 === 0 ? ['共同词', `词${i}`] : [`词${i}`] }));
    await index.upsert(docs);
    const holding = async (filter: ReturnType<typeof F.and>) => {
      const response = await index.search({ filter, limit: 100, sort: [{ field: 'publishedAt', direction: 'desc' }] });
      return { ids: response.hits.map((hit) => hit.id), total: response.totalHits };
    };
    expect((await holding(F.and(F.eq('keywords', '共同词')))).total).toBe(3);

    // The value taken off one holder and given to another document, a holder deleted.
    const [first, second] = docs as [ContractDoc, ContractDoc];
    await index.upsert([{ ...first, keywords: ['词0'] }, { ...second, keywords: ['共同词'] }]);
    await index.delete([(docs[10] as ContractDoc).id]);
    const now = [docs[1], docs[5]] as ContractDoc[];
    const found = await holding(F.and(F.eq('keywords', '共同词'), F.ne('id', 'nobody')));
    expect(found.total).toBe(2);
    expect([...found.ids].sort()).toEqual(now.map((doc) => doc.id).sort());
    const published = found.ids.map((id) => now.find((doc) => doc.id === id)?.publishedAt ?? '');
    expect(published).toEqual([...published].sort().reverse());
    // 词1 went with the second document's change: only the first holds either.
    expect((await holding(F.and(F.in('keywords', ['词0', '词1'])))).ids).toEqual([first.id]);
    expect((await holding(F.and(F.eq('keywords', '没有的词')))).total).toBe(0);
    await engine.close();
  });
});
