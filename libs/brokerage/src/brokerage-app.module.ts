import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { AuthModule, identityRevocationList } from '@ttm/auth';
import { AppConfig, requireServiceSecrets } from '@ttm/config';
import { DatabaseModule } from '@ttm/database';
import { SubgraphModule } from '@ttm/graphql';
import { BrokerFiguresRepository } from './broker/broker-figures.repository';
import { BrokerResolver } from './broker/broker.resolver';
import { BrokerService } from './broker/broker.service';
import { BROKERAGE_CONFIG, BROKERAGE_SCHEMA } from './brokerage.constants';
import { DEAL_ENTITIES } from './deal/deal.entity';
import { DealResolver } from './deal/deal.resolver';
import { DealService } from './deal/deal.service';
import { BrokerageDemoSeeder } from './demo/brokerage-demo.seeder';
import { LISTING_DIRECTORY, ListingDirectory } from './listings/listing-directory';
import { ListingFactsLoader } from './listings/listing-facts.loader';
import { MarketplaceListingClient } from './listings/marketplace-listing.client';
import { IntroductionEntity, MatchEntity } from './match/match.entity';
import { MatchOutcomesController } from './match/match-outcomes.controller';
import { MatchOutcomesService } from './match/match-outcomes.service';
import { MatchResolver } from './match/match.resolver';
import { MatchService } from './match/match.service';
import { BROKERAGE_MIGRATIONS } from './migrations';
import { BrokerRatingEntity } from './rating/broker-rating.entity';
import { MarketStatsResolver } from './stats/market-stats.resolver';
import { MarketStatsService } from './stats/market-stats.service';
import { ResponseStatsService } from './user/response-stats.service';
import { UserResolver } from './user/user.resolver';

export const BROKERAGE_ENTITIES = [MatchEntity, IntroductionEntity, ...DEAL_ENTITIES, BrokerRatingEntity];

export interface BrokerageOptions {
  /** Where listing facts come from; the marketplace's internal API unless a test supplies its own. */
  listingDirectory?: ListingDirectory;
}

/** The brokerage service: matches, deals, contracts, broker ratings and scores, market statistics; the match outcome feed. */
@Module({})
export class BrokerageAppModule {
  static forRoot(config: AppConfig, options: BrokerageOptions = {}): DynamicModule {
    const { databaseUrl, jwtSecret } = requireServiceSecrets(config);
    const directory: Provider = options.listingDirectory
      ? { provide: LISTING_DIRECTORY, useValue: options.listingDirectory }
      : { provide: LISTING_DIRECTORY, useClass: MarketplaceListingClient };
    return {
      module: BrokerageAppModule,
      imports: [
        AuthModule.forRoot(jwtSecret, identityRevocationList(config, 'brokerage')),
        DatabaseModule.forService({ url: databaseUrl, schema: BROKERAGE_SCHEMA, entities: BROKERAGE_ENTITIES, migrations: BROKERAGE_MIGRATIONS, poolSize: 10 }),
        SubgraphModule.forRoot({ name: 'brokerage' }),
      ],
      controllers: [MatchOutcomesController],
      providers: [
        { provide: BROKERAGE_CONFIG, useValue: config },
        directory,
        ListingFactsLoader,
        MatchService,
        MatchResolver,
        MatchOutcomesService,
        DealService,
        DealResolver,
        BrokerFiguresRepository,
        BrokerService,
        BrokerResolver,
        ResponseStatsService,
        UserResolver,
        MarketStatsService,
        MarketStatsResolver,
        BrokerageDemoSeeder,
      ],
    };
  }
}

/** `bootstrapSubgraph` takes a module class; this wraps the configured dynamic module in one. */
export function brokerageServiceModule(config: AppConfig, options: BrokerageOptions = {}): Type<unknown> {
  @Module({ imports: [BrokerageAppModule.forRoot(config, options)] })
  class BrokerageServiceModule {}
  return BrokerageServiceModule;
}
