import { FeedEvent, FeedPage, ListingEventType, SnapshotPage } from '@ttm/events';
import { EmbeddedSearchEngine, SearchIndex } from '@ttm/search-engine';
import { listingKnowledge } from '../concepts/listing-concepts';
import { INDEXED_LISTING_SCHEMA, IndexedListing, toIndexedListing } from '../index/indexed-listing';
import type { ListingIndex } from '../index/listing-index.provider';
import { demoListingDocuments } from '../matching/demo-listings';
import { latestPerListing, ListingIndexer } from './listing-indexer.service';
import type { MarketplaceFeedClient } from './marketplace-feed.client';

const event = (seq: number, id: string, version: number, type = ListingEventType.UPSERTED): FeedEvent => ({
  seq: String(seq),
  type,
  aggregateId: id,
  aggregateVersion: version,
  payload: { id, kind: 'NEED', version },
});

describe('latestPerListing', () => {
  it('keeps the last event of each listing, in feed order', () => {
    const events = [event(1, 'a', 1), event(2, 'b', 1), event(3, 'a', 2, ListingEventType.REMOVED), event(4, 'a', 3)];
    expect(latestPerListing(events).map((e) => [e.aggregateId, e.aggregateVersion, e.type])).toEqual([
      ['a', 3, ListingEventType.UPSERTED],
      ['b', 1, ListingEventType.UPSERTED],
    ]);
  });
});

describe('ListingIndexer re-annotation', () => {
  const documents = demoListingDocuments().slice(0, 40);
  // The marketplace's snapshot of the same documents (one page), as the indexer reads it over HTTP.
  const marketplace = {
    snapshot: async (): Promise<SnapshotPage> => ({ documents, nextAfter: null, headSeq: '7' }),
    feed: async (): Promise<FeedPage> => ({ events: [], headSeq: '7' }),
  };
  let engine: EmbeddedSearchEngine;
  let index: SearchIndex<IndexedListing>;
  let indexer: ListingIndexer;

  beforeEach(async () => {
    engine = new EmbeddedSearchEngine({ workers: 0 });
    index = engine.index('listings', INDEXED_LISTING_SCHEMA);
    indexer = new ListingIndexer({ index, engine } as unknown as ListingIndex, marketplace as unknown as MarketplaceFeedClient);
  });

  afterEach(async () => {
    await engine.close();
  });

  it('re-annotates every listing when the index holds listings annotated with another graph', async () => {
    // Indexed before the graph changed: another version, no concepts.
    await index.rebuild([documents.map((document) => ({ ...toIndexedListing(document), concepts: [], conceptsVersion: 'an-older-graph' }))], { checkpoint: '7' });
    const progress = await indexer.reannotateIfStale();
    expect(progress).toMatchObject({ state: 'done', documents: documents.length });
    const reindexed = await index.get(documents.map((document) => document.id));
    expect(reindexed.every((listing) => listing.conceptsVersion === listingKnowledge().version)).toBe(true);
    expect(reindexed.filter((listing) => listing.concepts.length > 0).length).toBeGreaterThan(documents.length / 2);
  });

  it('leaves an index annotated with the graph in use alone', async () => {
    await index.rebuild([documents.map((document) => toIndexedListing(document))], { checkpoint: '7' });
    expect(await indexer.reannotateIfStale()).toBeNull();
  });
});
