import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { standaloneJwtService } from '@ttm/auth';
import { AppConfig, ConfigError, SERVICE_NAMES, ServiceName, serviceUrl } from '@ttm/config';
import { formatQueryError, queryProtection } from '@ttm/graphql';
import type { Request } from 'express';
import { GatewayHealthController } from './gateway-health.controller';
import { GatewayTokenSigner } from './gateway-token';
import { serviceUnavailableStatusPlugin } from './service-unavailable';
import { GatewayContext, SubgraphDataSource } from './subgraph-data-source';

export interface GatewayOptions {
  /** The supergraph to serve (see loadServedSupergraph); the gateway does not introspect the subgraphs. */
  supergraphSdl: string;
  /**
   * A built web app (apps/web) to serve at `/`, with every other path that is not `/graphql` or
   * `/health/…` answered by its index.html (client-side routes survive a reload).
   */
  webRoot?: string;
}

function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}

/** The only public GraphQL endpoint: serves the supergraph over the subgraphs and applies the query limits. */
@Module({})
export class GatewayModule {
  static forRoot(config: AppConfig, options: GatewayOptions): DynamicModule {
    if (!config.jwtSecret) {
      throw new ConfigError('JWT_SECRET', 'at least 32 characters of secret (the launcher sets it; the gateway signs its calls to the services with it)', '');
    }
    const signer = new GatewayTokenSigner(standaloneJwtService(config.jwtSecret));
    const protection = queryProtection(config.isProduction);
    return {
      module: GatewayModule,
      imports: [
        TerminusModule.forRoot(),
        ...(options.webRoot
          ? [ServeStaticModule.forRoot({ rootPath: options.webRoot, exclude: ['/graphql{*path}', '/health{*path}'] })]
          : []),
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
              serviceUnavailableStatusPlugin(),
            ],
            validationRules: protection.validationRules,
            parseOptions: protection.parseOptions,
            // Nest's plugin would reset a response with data to 200; the 503 of serviceUnavailableStatusPlugin must stand.
            preserveHttpStatusForExecutionErrors: false,
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatQueryError,
            context: ({ req }: { req: Request }): GatewayContext => ({ req }),
          },
          gateway: {
            supergraphSdl: options.supergraphSdl,
            // Where each service is reached comes from the environment, not the committed supergraph's placeholder URLs.
            buildService: ({ name }) => {
              if (!isServiceName(name)) throw new Error(`The supergraph names a service the gateway does not know: ${name}`);
              return new SubgraphDataSource(name, serviceUrl(config, name), signer);
            },
          },
        }),
      ],
      controllers: [GatewayHealthController],
    };
  }
}
