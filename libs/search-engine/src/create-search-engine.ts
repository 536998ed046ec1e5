import { EmbeddedSearchEngine } from './embedded/embedded-engine';
import { MeilisearchEngine } from './meilisearch/meilisearch-engine';
import { SearchEngine } from './search-engine';

export interface SearchEngineConfig {
  /** `MEILI_HOST`: when set, Meilisearch is used; otherwise the embedded engine. */
  meiliHost?: string;
  meiliApiKey?: string;
  /** Prefix of Meilisearch index names, one per environment (e.g. `ttm_production`). */
  indexPrefix?: string;
  /** Where the embedded engine keeps its data (`path.join(DATA_DIR, 'search')`); memory only when absent. */
  dataDir?: string;
}

/** The engine the environment asks for: Meilisearch when a host is configured, else the embedded one. */
export function createSearchEngine(config: SearchEngineConfig): SearchEngine {
  if (config.meiliHost) {
    return new MeilisearchEngine({ host: config.meiliHost, apiKey: config.meiliApiKey, indexPrefix: config.indexPrefix ?? 'ttm' });
  }
  return new EmbeddedSearchEngine({ dataDir: config.dataDir });
}
