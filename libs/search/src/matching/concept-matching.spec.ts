import { DEMO_NEEDS, DEMO_RESULTS } from '@ttm/demo';
import type { ListingDocument } from '@ttm/events';
import { SearchIndex } from '@ttm/search-engine';
import { listingKnowledge } from '../concepts/listing-concepts';
import { IndexedListing, toIndexedListing } from '../index/indexed-listing';
import { expandConcepts } from './concept-evidence';
import { demoListingDocuments } from './demo-listings';
import { Matcher } from './matcher';
import { matchingIndex } from '../testing/matching-index';

jest.setTimeout(60_000);

/**
 * The knowledge graph in matching, on the demo data plus listings written for these cases: a need in
 * shop-floor Chinese finds a result written in English through the concepts they share, with a reason
 * that is true of the pair; fit alone (same city, same industry, TRL) does not lift a candidate over
 * one that is about the need's problem.
 */
describe('matching through the knowledge graph', () => {
  const documents = demoListingDocuments();
  const template = documents.find((document) => document.kind === 'RESULT') as ListingDocument;
  const english: ListingDocument = {
    ...template,
    id: '00000000-0000-4000-8000-3000000009e1',
    title: 'Online inspection of barre marks and holes in warp-knitted greige fabric',
    description:
      'A machine vision system mounted on the take-up of tricot machines inspects the greige fabric during knitting. A deep learning model trained on a few hundred samples finds barre marks, holes and dropped stitches at full machine speed and stops the machine.',
    keywords: ['machine vision inspection', 'fabric defect detection', 'warp knitting'],
    industry: 'EQUIPMENT_TEXTILE_MACHINERY',
    region: null,
  };
  const shopFloorNeed: ListingDocument = {
    ...documents.find((document) => document.kind === 'NEED'),
    id: '00000000-0000-4000-8000-2000000009c1',
    title: '布面老是有横条，客户退货',
    description: '我们经编车间的坯布老是出横条，靠人一匹一匹看，看漏了就被客户退货。想找能在机台上自动发现的办法。',
    keywords: ['横条', '退货'],
    region: null,
    budgetMin: null,
    budgetMax: null,
    trl: null,
  } as ListingDocument;
  const listings = [...documents, english, shopFloorNeed].map((document) => toIndexedListing(document));
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  let index: SearchIndex<IndexedListing>;
  let matcher: Matcher;

  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ index, matcher, close } = await matchingIndex(listings));
  });

  afterAll(async () => {
    await close();
  });

  it('annotates listings with concepts at indexing time, in Chinese and in English', () => {
    const need = byId.get(shopFloorNeed.id) as IndexedListing;
    const result = byId.get(english.id) as IndexedListing;
    expect(need.concepts).toContain('textile-barre');
    expect(result.concepts).toEqual(expect.arrayContaining(['textile-barre', 'machine-vision-inspection']));
    expect(result.conceptsVersion).toBe(listingKnowledge().version);
  });

  it('filters and counts listings by concept (the 技术领域 facet)', async () => {
    const response = await index.search({ filter: { field: 'concepts', op: 'eq', value: 'textile-barre' }, facets: ['concepts'], limit: 50 });
    expect(response.hits.map((hit) => hit.id)).toEqual(expect.arrayContaining([english.id, shopFloorNeed.id]));
    expect(response.facetDistribution['concepts']?.['textile-barre']).toBe(response.totalHits);
  });

  it('matches the English result to the shop-floor Chinese need through shared concepts, with a true reason', async () => {
    const need = byId.get(shopFloorNeed.id) as IndexedListing;
    const matches = await matcher.match(need, 'RESULT', 5);
    const found = matches.find((match) => match.listing.id === english.id);
    expect(found).toBeDefined();
    // No word in common: only the concepts can have found it.
    expect(found?.evidence.find((item) => item.name === 'text')?.value ?? 0).toBeLessThan(0.05);
    const reason = found?.reasons.find((text) => /^(技术概念相同|问题—方法关联|上下位概念|相关概念)/.test(text));
    expect(reason).toBeDefined();
    // The reason names a concept of the need and one of the result that the graph links.
    const graph = listingKnowledge().graph;
    const labels = (reason as string).replace(/^[^:]+: /, '').split(/ → | ⊃ | ↔ /);
    const conceptOf = (label: string, listing: IndexedListing) => listing.concepts.find((concept) => graph.label(concept) === label);
    const [first, second = first] = labels;
    const inNeed = conceptOf(first, need) ?? conceptOf(second, need);
    const inResult = conceptOf(second, found?.listing as IndexedListing) ?? conceptOf(first, found?.listing as IndexedListing);
    expect(inNeed).toBeDefined();
    expect(inResult).toBeDefined();
    expect(expandConcepts(graph, need.concepts).has(inResult as string)).toBe(true);
  });

  it('finds the Chinese need for the English result too (the bridge read backwards)', async () => {
    const matches = await matcher.match(byId.get(english.id) as IndexedListing, 'NEED', 10);
    expect(matches.map((match) => match.listing.id)).toContain(shopFloorNeed.id);
  });

  it('does not let fit lift a candidate above one about the need: 经编机断纱 ranks the yarn-break sensor above the sock sorter', async () => {
    const need = byId.get(DEMO_NEEDS[0].id) as IndexedListing;
    expect(need.title).toBe('经编机断纱在线检测与自动停机改造');
    const sensor = DEMO_RESULTS.find((result) => result.title.startsWith('经编针织机纱线断头压电传感监测装置'));
    const sorter = DEMO_RESULTS.find((result) => result.title.startsWith('袜品外观缺陷视觉检测分拣装置'));
    const ranked = (await matcher.match(need, 'RESULT', 20)).map((match) => match.listing.id);
    expect(ranked).toContain(sensor?.id);
    const sorterRank = ranked.indexOf(sorter?.id ?? '');
    expect(sorterRank === -1 || ranked.indexOf(sensor?.id ?? '') < sorterRank).toBe(true);
  });
});
