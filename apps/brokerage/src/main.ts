import 'reflect-metadata';
import { brokerageServiceModule } from '@ttm/brokerage';
import { exitOnStartupFailure, loadConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapSubgraph(brokerageServiceModule(config), 'brokerage', config.servicePorts.brokerage);
}

main().catch(exitOnStartupFailure);
