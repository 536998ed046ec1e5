import { Inject, Injectable } from '@nestjs/common';
import type { ListingFacts } from '@ttm/events';
import DataLoader from 'dataloader';
import { LISTING_DIRECTORY, ListingDirectory } from './listing-directory';

/** One DataLoader per GraphQL request, so a page of matches costs one call to the marketplace. */
@Injectable()
export class ListingFactsLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, ListingFacts | undefined>>();

  constructor(@Inject(LISTING_DIRECTORY) private readonly listings: ListingDirectory) {}

  load(request: object, id: string): Promise<ListingFacts | undefined> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await this.listings.facts(ids);
        return ids.map((id) => found.get(id));
      });
      this.loaders.set(request, loader);
    }
    return loader.load(id);
  }
}
