import { DynamicModule, Module, Type } from '@nestjs/common';
import { AUDIT_ENTITIES, AuditModule } from '@ttm/audit';
import { AuthModule, identityRevocationList } from '@ttm/auth';
import { AppConfig, requireServiceSecrets } from '@ttm/config';
import { DatabaseModule } from '@ttm/database';
import { READINESS_CHECK, SubgraphModule } from '@ttm/graphql';
import { ADVICE_PROVIDERS } from './advice';
import { ALERT_ENTITIES, ALERT_PROVIDERS, MAIL_PROVIDERS } from './alerts/alerts.providers';
import { APP_CONFIG, ListingIndex } from './index/listing-index.provider';
import { ListingIndexer } from './indexer/listing-indexer.service';
import { MarketplaceFeedClient } from './indexer/marketplace-feed.client';
import { KNOWLEDGE_ENTITIES, KNOWLEDGE_PROVIDERS } from './knowledge/knowledge.providers';
import { LEARNING_ENTITIES, LEARNING_PROVIDERS } from './learning/link-learning.providers';
import { MATCHING_PROVIDERS } from './matching/matching.providers';
import { SEARCH_MIGRATIONS } from './migrations';
import { ReindexController } from './reindex/reindex.controller';
import { SearchResolver } from './search/search.resolver';
import { SearchService } from './search/search.service';
import { ServiceHttpClient } from './services/service-http.client';
import { SUGGEST_PROVIDERS } from './suggest';
import { SynonymGroupEntity } from './synonyms/synonym-group.entity';
import { SynonymsResolver } from './synonyms/synonyms.resolver';
import { SynonymsService } from './synonyms/synonyms.service';

export const SEARCH_SCHEMA = 'search';

/** Requests up to this size: importKnowledgeGraph takes the whole graph as Turtle (≈ 2.5 MB today). */
export const SEARCH_JSON_BODY_LIMIT = '16mb';

/**
 * The search service: the listing index, the indexer following the marketplace feed, the knowledge graph
 * that annotates listings (schema `knowledge`, curated through the API), matching, alerts
 * (notifications, saved searches, followed industries; e-mailed when SMTP_URL is set) and the `search` subgraph.
 */
@Module({})
export class SearchAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { databaseUrl, jwtSecret } = requireServiceSecrets(config);
    return {
      module: SearchAppModule,
      imports: [
        AuthModule.forRoot(jwtSecret, identityRevocationList(config, 'search')),
        DatabaseModule.forService({
          url: databaseUrl,
          schema: SEARCH_SCHEMA,
          entities: [SynonymGroupEntity, ...ALERT_ENTITIES, ...AUDIT_ENTITIES, ...KNOWLEDGE_ENTITIES, ...LEARNING_ENTITIES],
          migrations: SEARCH_MIGRATIONS,
          poolSize: 5,
        }),
        SubgraphModule.forRoot({ name: 'search' }),
        AuditModule,
      ],
      controllers: [ReindexController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        ListingIndex,
        ServiceHttpClient,
        MarketplaceFeedClient,
        ListingIndexer,
        // /health/ready answers 200 only once the index is loaded
        { provide: READINESS_CHECK, useExisting: ListingIndexer },
        SearchService,
        SearchResolver,
        ...KNOWLEDGE_PROVIDERS,
        SynonymsService,
        SynonymsResolver,
        ...MATCHING_PROVIDERS,
        ...ALERT_PROVIDERS,
        ...(config.smtpUrl ? MAIL_PROVIDERS : []),
        ...SUGGEST_PROVIDERS,
        ...ADVICE_PROVIDERS,
        // Learning link weights from the brokerage's match outcomes.
        ...LEARNING_PROVIDERS,
      ],
    };
  }
}

/** `bootstrapSubgraph` takes a module class; this wraps the configured dynamic module in one. */
export function searchServiceModule(config: AppConfig): Type<unknown> {
  @Module({ imports: [SearchAppModule.forRoot(config)] })
  class SearchServiceModule {}
  return SearchServiceModule;
}
