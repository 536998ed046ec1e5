import { exitOnStartupFailure, loadConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { identityServiceModule } from '@ttm/identity';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapSubgraph(identityServiceModule(config), 'identity', config.servicePorts.identity);
}

main().catch(exitOnStartupFailure);
