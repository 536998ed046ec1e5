import type { ListingFacts, ListingKind, MarketplaceStatsPage } from '@ttm/events';
import { randomUUID } from 'node:crypto';
import { ListingDirectory } from '../listings/listing-directory';

/**
 * An in-memory stand-in for the marketplace's internal API in the brokerage's own integration tests
 * (the brokerage library may not start the marketplace); the end-to-end test runs the real one.
 */
export class StaticListingDirectory implements ListingDirectory {
  readonly listings = new Map<string, ListingFacts>();

  add(kind: ListingKind, ownerId: string, overrides: Partial<ListingFacts> = {}): ListingFacts {
    const id = overrides.id ?? randomUUID();
    const facts: ListingFacts = {
      id,
      kind,
      status: 'PUBLISHED',
      ownerId,
      title: `${kind} ${id.slice(0, 8)}`,
      organizationName: `${kind === 'NEED' ? '海宁某经编有限公司' : '浙江某大学'} ${id.slice(0, 4)}`,
      anonymous: false,
      industry: 'TEXTILE',
      contact: { name: '王工', phone: '13800138000', email: `${id.slice(0, 8)}@example.com` },
      publishedAt: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
      ...overrides,
    };
    this.listings.set(id, facts);
    return facts;
  }

  async facts(ids: readonly string[]): Promise<Map<string, ListingFacts>> {
    return new Map(ids.flatMap((id) => (this.listings.has(id) ? [[id, this.listings.get(id) as ListingFacts] as const] : [])));
  }

  /** Counted from the listings held, exactly as the marketplace counts (first publication month, UTC). */
  async publishedCounts(): Promise<MarketplaceStatsPage> {
    const counts = new Map<string, { kind: ListingKind; industry: string; month: string; count: number }>();
    for (const listing of this.listings.values()) {
      if (!listing.publishedAt) continue;
      const month = listing.publishedAt.slice(0, 7);
      const key = `${listing.kind}|${listing.industry}|${month}`;
      const row = counts.get(key) ?? { kind: listing.kind, industry: listing.industry, month, count: 0 };
      row.count++;
      counts.set(key, row);
    }
    return { published: [...counts.values()] };
  }
}
