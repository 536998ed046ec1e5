import { DynamicModule, Module, Type } from '@nestjs/common';
import { AUDIT_ENTITIES, AuditModule } from '@ttm/audit';
import { AuthModule, identityRevocationList } from '@ttm/auth';
import { AppConfig, requireServiceSecrets } from '@ttm/config';
import { DatabaseModule } from '@ttm/database';
import { OutboxEvent } from '@ttm/events';
import { SubgraphModule } from '@ttm/graphql';
import { CHALLENGE_ENTITIES } from './challenge/challenge.entity';
import { ExpertEntity } from './expert/expert.entity';
import { MARKETPLACE_CONFIG, MARKETPLACE_SCHEMA } from './marketplace.constants';
import { MarketplaceModule } from './marketplace.module';
import { MARKETPLACE_MIGRATIONS } from './migrations';
import { NeedEntity } from './need/need.entity';
import { ResultEntity } from './result/result.entity';

export const MARKETPLACE_ENTITIES = [NeedEntity, ResultEntity, ExpertEntity, ...CHALLENGE_ENTITIES, OutboxEvent, ...AUDIT_ENTITIES];

/** The whole marketplace service: the app bootstraps it and the integration tests start it. */
@Module({})
export class MarketplaceAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { databaseUrl, jwtSecret } = requireServiceSecrets(config);
    return {
      module: MarketplaceAppModule,
      global: true,
      imports: [
        SubgraphModule.forRoot({ name: 'marketplace' }),
        DatabaseModule.forService({
          url: databaseUrl,
          schema: MARKETPLACE_SCHEMA,
          entities: MARKETPLACE_ENTITIES,
          migrations: MARKETPLACE_MIGRATIONS,
        }),
        AuthModule.forRoot(jwtSecret, identityRevocationList(config, 'marketplace')),
        MarketplaceModule,
        AuditModule,
      ],
      providers: [{ provide: MARKETPLACE_CONFIG, useValue: config }],
      exports: [MARKETPLACE_CONFIG],
    };
  }
}

/** A root module class for `bootstrapSubgraph` (which takes a class, not a dynamic module). */
export function marketplaceServiceModule(config: AppConfig): Type<unknown> {
  @Module({ imports: [MarketplaceAppModule.forRoot(config)] })
  class MarketplaceServiceModule {}
  return MarketplaceServiceModule;
}
