import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { signServiceToken } from '@ttm/auth';
import { AppConfig, serviceUrl } from '@ttm/config';
import type { FeedPage, SnapshotPage } from '@ttm/events';
import { APP_CONFIG } from '../index/listing-index.provider';

export const FEED_PAGE_SIZE = 500;

/** Reads the marketplace's outbox feed and snapshot over HTTP; the search service never reads its tables. */
@Injectable()
export class MarketplaceFeedClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwtService: JwtService,
  ) {}

  feed(afterSeq: string, limit = FEED_PAGE_SIZE): Promise<FeedPage> {
    return this.get<FeedPage>('/internal/feed', { after: afterSeq, limit: String(limit) });
  }

  snapshot(afterId: string | null, limit = FEED_PAGE_SIZE): Promise<SnapshotPage> {
    return this.get<SnapshotPage>('/internal/snapshot', { after: afterId ?? '', limit: String(limit) });
  }

  private async get<T>(path: string, query: Record<string, string>): Promise<T> {
    const url = new URL(serviceUrl(this.config, 'marketplace', path));
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const token = await signServiceToken(this.jwtService, 'search');
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`marketplace ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
}
