import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@ttm/config';
import { createSearchEngine, SearchEngine, SearchIndex } from '@ttm/search-engine';
import { join } from 'node:path';
import { INDEXED_LISTING_SCHEMA, IndexedListing, LISTINGS_INDEX } from './indexed-listing';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The engine the environment asks for (Meilisearch with MEILI_HOST, else embedded) and the listing index on it. */
@Injectable()
export class ListingIndex implements OnApplicationShutdown {
  readonly engine: SearchEngine;
  readonly index: SearchIndex<IndexedListing>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.engine = createSearchEngine({
      meiliHost: config.meiliHost,
      meiliApiKey: config.meiliApiKey,
      indexPrefix: `ttm_${config.nodeEnv}`,
      dataDir: join(config.dataDir, 'search'),
    });
    this.index = this.engine.index(LISTINGS_INDEX, INDEXED_LISTING_SCHEMA);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}
