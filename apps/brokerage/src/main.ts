import 'reflect-metadata';
import { brokerageServiceModule } from '@ttm/brokerage';
import { loadConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapSubgraph(brokerageServiceModule(config), 'brokerage', config.servicePorts.brokerage);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
