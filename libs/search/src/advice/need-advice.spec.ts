import { DEMO_NEEDS } from '@ttm/demo';
import { EmbeddedSearchEngine, SearchIndex } from '@ttm/search-engine';
import { CooperationMode, DEFAULT_SYNONYM_GROUPS } from '@ttm/taxonomy';
import { listingKnowledge } from '../concepts/listing-concepts';
import { INDEXED_LISTING_SCHEMA, IndexedListing } from '../index/indexed-listing';
import type { ListingIndex } from '../index/listing-index.provider';
import { demoIndexedListings } from '../matching/demo-listings';
import { MatchingService } from '../matching/matching.service';
import { SearchService } from '../search/search.service';
import { ListingTagsService } from '../suggest/listing-tags.service';
import { NeedDraftInput } from './need-advice.inputs';
import { DUPLICATE_THRESHOLD, NeedAdviceService } from './need-advice.service';
import { suggestTerms } from './need-terms';

jest.setTimeout(60_000);

const draft = (fields: Partial<NeedDraftInput>): NeedDraftInput => ({ title: '', description: '', keywords: [], cooperationModes: [], anonymous: false, ...fields });

/** The shop-floor need of the knowledge-graph tests: no technical term in it. */
const SHOP_FLOOR = draft({
  title: '布面老是有横条，客户退货',
  description: '我们经编车间的坯布老是出横条，靠人一匹一匹看，看漏了就被客户退货。想找能在机台上自动发现的办法。',
  keywords: ['横条'],
});

describe('suggested terms through the knowledge graph', () => {
  it('suggests the methods that address the draft’s problem, with why, in the draft’s industry first', () => {
    const terms = suggestTerms(listingKnowledge(), SHOP_FLOOR);
    expect(terms.length).toBeGreaterThan(3);
    expect(terms.length).toBeLessThanOrEqual(8);
    expect(terms).toContainEqual({ concept: 'textile-fabric-defect-vision', label: '织物疵点视觉检测', why: '问题“横条”的常用技术：织物疵点视觉检测' });
    const labels = terms.map((term) => term.label);
    // 横条 is in a 经编 need: methods of other trades (袜子, 成衣) come after the textile ones, if at all.
    const vision = labels.indexOf('织物疵点视觉检测');
    for (const other of ['袜子视觉检测', '成衣视觉检测']) expect(labels.indexOf(other) < 0 || labels.indexOf(other) > vision).toBe(true);
    // Already a keyword: not suggested again.
    expect(labels).not.toContain('横条');
  });

  it('gives the standard term for a shop-floor word', () => {
    const terms = suggestTerms(listingKnowledge(), draft({ title: '布面横路问题', description: '坯布上一道一道的横印，找不到原因。' }));
    expect(terms[0]).toEqual({ concept: 'textile-barre', label: '横条', why: expect.stringMatching(/^文中“(布面横路|一道一道的横印)”的规范术语$/) });
  });

  it('suggests nothing for a text that names no concept', () => {
    expect(suggestTerms(listingKnowledge(), draft({ title: '合作', description: '欢迎联系。' }))).toEqual([]);
  });
});

/**
 * The whole advice over the demo listings on the embedded engine (in memory), with the services the
 * search subgraph runs: matching, search and tag suggestions.
 */
describe('needAdvice on the demo data', () => {
  let engine: EmbeddedSearchEngine;
  let index: SearchIndex<IndexedListing>;
  let service: NeedAdviceService;

  beforeAll(async () => {
    engine = new EmbeddedSearchEngine({ workers: 0 });
    index = engine.index('listings', INDEXED_LISTING_SCHEMA);
    await index.rebuild([demoIndexedListings()]);
    await index.setSynonyms(DEFAULT_SYNONYM_GROUPS);
    const listings = { index, engine } as unknown as ListingIndex;
    service = new NeedAdviceService(new MatchingService(listings), new ListingTagsService(new SearchService(listings)));
  });

  afterAll(async () => {
    await engine.close();
  });

  const demoNeed = DEMO_NEEDS[0]; // 经编机断纱在线检测与自动停机改造

  it('finds the published need a draft repeats, and counts results and experts that would match', async () => {
    const advice = await service.advise(
      draft({
        title: '经编机断纱自动检测和停机',
        description: '我们有几十台高速经编机，断纱靠挡车工巡回发现，发现慢，造成漏针、破洞等疵点。想做一套断纱在线检测系统，检测到断纱自动停机。',
        keywords: ['断纱检测', '经编机'],
        industry: demoNeed.industry,
      }),
    );
    expect(advice.possibleDuplicates[0]).toEqual({ id: demoNeed.id, title: demoNeed.title, score: expect.any(Number) });
    expect(advice.possibleDuplicates.length).toBeLessThanOrEqual(3);
    for (const duplicate of advice.possibleDuplicates) expect(duplicate.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(advice.matchingResults).toBeGreaterThan(0);
    expect(advice.matchingExperts).toBeGreaterThan(0);
    expect(advice.industries[0]?.code).toMatch(/^TEXTILE/);
  });

  it('lists no duplicates for a need unlike any published one', async () => {
    const advice = await service.advise(draft({ title: '茶叶揉捻机能耗优化', description: '茶叶揉捻机每台功率 7.5 kW，希望降低能耗 20%，不影响成茶品质。' }));
    expect(advice.possibleDuplicates).toEqual([]);
  });

  it('suggests the graph’s terms and the industry for the shop-floor need, and the text’s own words besides', async () => {
    const advice = await service.advise(SHOP_FLOOR);
    expect(advice.suggestedTerms.map((term) => term.label)).toContain('织物疵点视觉检测');
    expect(advice.industries[0]?.code).toMatch(/^TEXTILE/);
    for (const keyword of advice.textKeywords) expect(advice.suggestedTerms.map((term) => term.label)).not.toContain(keyword);
  });

  it('scores the draft and warns about leaks; an empty draft gets the score and fix-it lines only', async () => {
    const advice = await service.advise(
      draft({
        ...SHOP_FLOOR,
        description: `${SHOP_FLOOR.description}有意请联系 13857300001。`,
        anonymous: true,
        organizationName: '海宁恒锦经编有限公司',
        budgetMax: 500_000,
        cooperationModes: [CooperationMode.JOINT_DEVELOPMENT],
      }),
    );
    expect(advice.maxScore).toBe(20);
    expect(advice.score).toBe(advice.criteria.reduce((sum, item) => sum + item.score, 0));
    expect(advice.criteria.find((item) => item.key === 'COOPERATION')?.score).toBe(2);
    expect(advice.leakWarnings).toEqual([expect.objectContaining({ kind: 'PHONE', field: 'DESCRIPTION', found: '13857300001' })]);

    const empty = await service.advise(draft({}));
    expect(empty).toEqual(expect.objectContaining({ score: 0, suggestedTerms: [], possibleDuplicates: [], matchingResults: 0, matchingExperts: 0, leakWarnings: [] }));
    expect(empty.criteria.every((item) => item.fixes.length > 0)).toBe(true);
  });

  it('is fast: a typical draft is advised in well under 50 ms once warm (median over 10 demo needs)', async () => {
    const asDraft = (n: number) => {
      const need = DEMO_NEEDS[n];
      return draft({ title: need.title, description: need.description, keywords: [...need.keywords], industry: need.industry });
    };
    for (let n = 20; n < 25; n++) await service.advise(asDraft(n));
    const times: number[] = [];
    for (let n = 0; n < 10; n++) {
      const started = performance.now();
      await service.advise(asDraft(n));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    // ≈ 10–30 ms on this machine (2 CPUs) depending on its load; the bound leaves room for a loaded test run.
    expect(times[5]).toBeLessThan(100);
  });
});
