import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { isUuid } from './ids';
import { LISTING_ENTITIES, ListingEntityOf, MarketplaceKind } from './listing-kinds';

export type ListingLoaders = { [K in MarketplaceKind]: DataLoader<string, ListingEntityOf[K] | null> };

/**
 * One set of DataLoaders per request, created here and nowhere else: every `need(id)`,
 * `result(id)`, `expert(id)`, `challenge(id)` and federation reference in a request is batched into one query per kind.
 * Loaders return rows regardless of visibility; callers apply the visibility rules.
 */
@Injectable()
export class ListingLoaderFactory {
  private readonly perRequest = new WeakMap<object, ListingLoaders>();

  constructor(private readonly dataSource: DataSource) {}

  forRequest(request: object): ListingLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = { NEED: this.loader('NEED'), RESULT: this.loader('RESULT'), EXPERT: this.loader('EXPERT'), CHALLENGE: this.loader('CHALLENGE') };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }

  private loader<K extends MarketplaceKind>(kind: K): DataLoader<string, ListingEntityOf[K] | null> {
    return new DataLoader<string, ListingEntityOf[K] | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length
        ? ((await this.dataSource.getRepository(LISTING_ENTITIES[kind]).findBy({ id: In(valid) })) as ListingEntityOf[K][])
        : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }, { maxBatchSize: 500 });
  }
}
