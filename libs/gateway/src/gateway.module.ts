import { GraphQLDataSourceProcessOptions, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig } from '@ttm/config';
import { formatGraphQLError } from '@ttm/errors';
import type { Request } from 'express';
import { queryProtection } from './hardening';
import { subgraphList } from './subgraphs';

interface GatewayContext {
  req?: Request;
}

/** Forwards the caller's bearer token unchanged; each subgraph verifies it itself. */
class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = context.req?.headers.authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}

/** The only public GraphQL endpoint: composes the subgraphs and applies the query limits. */
@Module({})
export class GatewayModule {
  /**
   * `webRoot`: a built web app (apps/web) to serve at `/`, with every other path that is not
   * `/graphql` answered by its index.html (client-side routes survive a reload).
   */
  static forRoot(config: AppConfig, webRoot?: string): DynamicModule {
    const protection = queryProtection(config.isProduction);
    return {
      module: GatewayModule,
      imports: [
        ...(webRoot ? [ServeStaticModule.forRoot({ rootPath: webRoot, exclude: ['/graphql{*path}'] })] : []),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            introspection: !config.isProduction,
            playground: false,
            graphiql: false,
            plugins: [
              ...protection.plugins,
              config.isProduction
                ? ApolloServerPluginLandingPageDisabled()
                : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
            ],
            validationRules: protection.validationRules,
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            context: ({ req }: { req: Request }): GatewayContext => ({ req }),
          },
          gateway: {
            supergraphSdl: new IntrospectAndCompose({ subgraphs: subgraphList(config) }),
            buildService: ({ url }) => new AuthForwardingDataSource({ url }),
          },
        }),
      ],
    };
  }
}
