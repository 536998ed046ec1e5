import 'reflect-metadata';
import { exitOnStartupFailure, loadConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { marketplaceServiceModule } from '@ttm/marketplace';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapSubgraph(marketplaceServiceModule(config), 'marketplace', config.servicePorts.marketplace);
}

main().catch(exitOnStartupFailure);
