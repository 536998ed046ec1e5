import { exitOnStartupFailure, loadConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { SEARCH_JSON_BODY_LIMIT, searchServiceModule } from '@ttm/search';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapSubgraph(searchServiceModule(config), 'search', config.servicePorts.search, { jsonBodyLimit: SEARCH_JSON_BODY_LIMIT });
}

main().catch(exitOnStartupFailure);
