import { Injectable } from '@nestjs/common';
import type { FeedPage, SnapshotPage } from '@ttm/events';
import { ServiceHttpClient } from '../services/service-http.client';

export const FEED_PAGE_SIZE = 500;

/** Reads the marketplace's outbox feed and snapshot over HTTP; the search service never reads its tables. */
@Injectable()
export class MarketplaceFeedClient {
  constructor(private readonly http: ServiceHttpClient) {}

  feed(afterSeq: string, limit = FEED_PAGE_SIZE): Promise<FeedPage> {
    return this.http.get<FeedPage>('marketplace', '/internal/feed', { after: afterSeq, limit: String(limit) });
  }

  snapshot(afterId: string | null, limit = FEED_PAGE_SIZE): Promise<SnapshotPage> {
    return this.http.get<SnapshotPage>('marketplace', '/internal/snapshot', { after: afterId ?? '', limit: String(limit) });
  }
}
