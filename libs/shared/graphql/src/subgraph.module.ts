import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { formatGraphQLError } from '@ttm/errors';
import { join } from 'node:path';
import type { Request } from 'express';

export interface GraphQLContext {
  req: Request;
}

export interface SubgraphOptions {
  /** The service name, e.g. "identity": its emitted SDL goes to apps/<name>/schema.graphql. */
  name: string;
}

/**
 * The GraphQL setup every subgraph shares: code-first Federation 2, the common error mapping, and
 * the request in the context so the auth guards can read the bearer token themselves.
 */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2, path: join(process.cwd(), 'apps', options.name, 'schema.graphql') },
          sortSchema: true,
          // Subgraphs listen on loopback only; the gateway is the public, hardened endpoint.
          playground: false,
          introspection: true,
          // Traces are for Apollo's hosted studio, which this deployment does not use.
          plugins: [ApolloServerPluginInlineTraceDisabled()],
          context: ({ req }: { req: Request }): GraphQLContext => ({ req }),
          formatError: formatGraphQLError,
        }),
      ],
    };
  }
}
