import 'reflect-metadata';
import { loadConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { marketplaceServiceModule } from '@ttm/marketplace';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapSubgraph(marketplaceServiceModule(config), 'marketplace', config.servicePorts.marketplace);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
