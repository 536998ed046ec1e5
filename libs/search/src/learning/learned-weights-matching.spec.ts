import type { ListingDocument } from '@ttm/events';
import { EmbeddedSearchEngine, SearchIndex } from '@ttm/search-engine';
import { listingKnowledge, useListingKnowledge } from '../concepts/listing-concepts';
import { INDEXED_LISTING_SCHEMA, IndexedListing, toIndexedListing } from '../index/indexed-listing';
import { demoListingDocuments } from '../matching/demo-listings';
import { Matcher } from '../matching/matcher';
import { applyLearnedWeights } from './learned-knowledge';
import { linkId, linksBehindMatch } from './link-weights';

jest.setTimeout(60_000);

/** A learned link weight reaches matching: raising the link behind a pair lifts the pair's concept evidence. */
describe('learned link weights in matching', () => {
  const documents = demoListingDocuments();
  const need = toIndexedListing({
    ...documents.find((document) => document.kind === 'NEED'),
    id: '00000000-0000-4000-8000-2000000009c1',
    title: '布面老是有横条，客户退货',
    description: '我们经编车间的坯布老是出横条，靠人一匹一匹看，看漏了就被客户退货。想找能在机台上自动发现的办法。',
    keywords: ['横条', '退货'],
  } as ListingDocument);
  const result = toIndexedListing({
    ...(documents.find((document) => document.kind === 'RESULT') as ListingDocument),
    id: '00000000-0000-4000-8000-3000000009e1',
    title: '织物疵点视觉检测系统',
    description: '相机装在卷取处，在织造过程中逐幅检查坯布，发现破洞、漏针等疵点即停机报警。',
    keywords: ['织物疵点视觉检测', '在线检测'],
  });
  const original = listingKnowledge();
  let engine: EmbeddedSearchEngine;
  let index: SearchIndex<IndexedListing>;
  let matcher: Matcher;

  beforeAll(async () => {
    engine = new EmbeddedSearchEngine({ workers: 0 });
    index = engine.index('listings', INDEXED_LISTING_SCHEMA);
    await index.rebuild([[...documents.map((document) => toIndexedListing(document)), need, result]]);
    matcher = new Matcher(index, { now: () => new Date('2026-11-27T00:00:00Z') });
  });

  afterAll(async () => {
    useListingKnowledge(original);
    await engine.close();
  });

  async function conceptEvidence(): Promise<number> {
    const found = (await matcher.match(need, 'RESULT', 10)).find((match) => match.listing.id === result.id);
    expect(found).toBeDefined();
    return found?.evidence.find((item) => item.name === 'concepts')?.value ?? 0;
  }

  it('lifts the matched pair’s concept evidence when the link behind it gains weight, and lowers it when it loses some', async () => {
    const links = linksBehindMatch(original.graph, need.concepts, result.concepts);
    expect(links.map(linkId)).toContain('textile-barre→textile-fabric-defect-vision');
    const neutral = await conceptEvidence();
    expect(neutral).toBeLessThan(1);

    applyLearnedWeights(new Map(links.map((link) => [linkId(link), 1.5])));
    const raised = await conceptEvidence();
    expect(raised).toBeGreaterThan(neutral);

    applyLearnedWeights(new Map(links.map((link) => [linkId(link), 0.5])));
    expect(await conceptEvidence()).toBeLessThan(neutral);
    // The annotation version is the graph's: listings are not re-annotated for a weight.
    expect(listingKnowledge().version).toBe(original.version);

    applyLearnedWeights(new Map());
    expect(await conceptEvidence()).toBeCloseTo(neutral);
  });
});
