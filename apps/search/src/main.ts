import { exitOnStartupFailure, loadConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { searchServiceModule } from '@ttm/search';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapSubgraph(searchServiceModule(config), 'search', config.servicePorts.search);
}

main().catch(exitOnStartupFailure);
