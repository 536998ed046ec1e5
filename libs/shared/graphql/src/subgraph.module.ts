import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { loadConfig } from '@ttm/config';
import { join } from 'node:path';
import type { Request } from 'express';
import { formatQueryError, queryProtection } from './query-limits';

export interface GraphQLContext {
  req: Request;
}

export interface SubgraphOptions {
  /** The service name, e.g. "identity": its emitted SDL goes to apps/<name>/schema.graphql. */
  name: string;
}

/**
 * The GraphQL setup every subgraph shares: code-first Federation 2, the common error mapping, the
 * gateway's query limits, and the request in the context so the auth guards can read the bearer token
 * themselves. In production /graphql only answers the gateway (see gatewayCallMiddleware).
 */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions): DynamicModule {
    const protection = queryProtection(loadConfig().isProduction);
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2, path: join(process.cwd(), 'apps', options.name, 'schema.graphql') },
          sortSchema: true,
          playground: false,
          // In production only the gateway gets this far (gatewayCallMiddleware refuses everyone else).
          introspection: true,
          // Traces are for Apollo's hosted studio, which this deployment does not use.
          plugins: [ApolloServerPluginInlineTraceDisabled(), ...protection.plugins],
          validationRules: protection.validationRules,
          parseOptions: protection.parseOptions,
          allowBatchedHttpRequests: false,
          context: ({ req }: { req: Request }): GraphQLContext => ({ req }),
          formatError: formatQueryError,
        }),
      ],
    };
  }
}
