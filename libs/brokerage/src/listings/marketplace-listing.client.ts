import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { getInternalRoute } from '@ttm/auth';
import { AppConfig } from '@ttm/config';
import { ListingFacts, ListingFactsPage, MarketplaceStatsPage, MAX_LISTING_FACTS_IDS } from '@ttm/events';
import { BROKERAGE_CONFIG } from '../brokerage.constants';
import { ListingDirectory } from './listing-directory';

/** Reads listing facts and publication counts from the marketplace's internal routes (service token). */
@Injectable()
export class MarketplaceListingClient implements ListingDirectory {
  constructor(
    @Inject(BROKERAGE_CONFIG) private readonly config: AppConfig,
    private readonly jwtService: JwtService,
  ) {}

  async facts(ids: readonly string[]): Promise<Map<string, ListingFacts>> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const found = new Map<string, ListingFacts>();
    for (let start = 0; start < unique.length; start += MAX_LISTING_FACTS_IDS) {
      const chunk = unique.slice(start, start + MAX_LISTING_FACTS_IDS);
      const page = await this.get<ListingFactsPage>('/internal/listings', { ids: chunk.join(',') });
      for (const listing of page.listings) found.set(listing.id, listing);
    }
    return found;
  }

  publishedCounts(): Promise<MarketplaceStatsPage> {
    return this.get<MarketplaceStatsPage>('/internal/stats', {});
  }

  private get<T>(path: string, query: Record<string, string>): Promise<T> {
    return getInternalRoute<T>(this.jwtService, this.config, { from: 'brokerage', to: 'marketplace', path, query, timeoutMs: 15_000 });
  }
}
