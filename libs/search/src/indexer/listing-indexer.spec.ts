import { FeedEvent, ListingEventType } from '@ttm/events';
import { latestPerListing } from './listing-indexer.service';

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
