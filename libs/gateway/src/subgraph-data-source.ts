import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { Logger } from '@nestjs/common';
import { CLIENT_ADDRESS_HEADER, GATEWAY_TOKEN_HEADER } from '@ttm/auth';
import { ServiceName } from '@ttm/config';
import { ErrorCode } from '@ttm/errors';
import type { Request } from 'express';
import { DocumentNode, GraphQLError, GraphQLFormattedError, Kind, OperationDefinitionNode, parse } from 'graphql';
import { GatewayTokenSigner } from './gateway-token';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
/**
 * Node's fetch under Apollo's fetcher type: the data source always sends a JSON string body, and reads
 * only status, headers.get, json() and text() of the response (Node's Headers type just lacks iterators).
 */
const nodeFetch: Fetcher = (url, init) => fetch(url, init as RequestInit) as unknown as ReturnType<Fetcher>;

export interface GatewayContext {
  req?: Request;
}

/** The part of the marketplace each service is, as a client is told when it is down. */
const UNAVAILABLE: Record<ServiceName, string> = {
  identity: 'Sign-in and accounts are temporarily unavailable; try again shortly',
  marketplace: 'Listings (needs, results, experts and challenges) are temporarily unavailable; try again shortly',
  search: 'Search is temporarily unavailable; try again shortly',
  brokerage: 'Brokerage (matches, deals and contracts) is temporarily unavailable; try again shortly',
};

/** Response keys of the fetch's top-level fields, when it asks the service's root fields (not `_entities`). */
function rootResponseKeys(document: DocumentNode): string[] {
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const fields = (operation?.selectionSet.selections ?? []).flatMap((selection) => (selection.kind === Kind.FIELD ? [selection] : []));
  if (fields.some((field) => field.name.value === '_entities')) return [];
  return fields.filter((field) => field.name.value !== '__typename').map((field) => (field.alias ?? field.name).value);
}

/**
 * One SERVICE_UNAVAILABLE error per root field the fetch asked for (so the client sees which fields
 * failed), or one without a path for an entity fetch (fields nested in another service's answer).
 */
export function unavailableErrors(service: ServiceName, document: DocumentNode): GraphQLFormattedError[] {
  const error = (path?: string[]): GraphQLFormattedError => ({
    message: UNAVAILABLE[service],
    ...(path ? { path } : {}),
    // the gateway adds extensions.serviceName
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
  });
  const keys = rootResponseKeys(document);
  return keys.length > 0 ? keys.map((key) => error([key])) : [error()];
}

/** The GraphQL errors of a subgraph's non-2xx answer (e.g. 400 for a query over its limits), if it sent any. */
function answeredErrors(error: unknown): GraphQLFormattedError[] | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const response = error.extensions['response'] as { status?: number; body?: { errors?: unknown } } | undefined;
  const errors = response?.body?.errors;
  return response?.status === 400 && Array.isArray(errors) && errors.length > 0 ? (errors as GraphQLFormattedError[]) : undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}

/**
 * How the gateway calls one subgraph: forwards the caller's bearer token unchanged (each subgraph
 * verifies it itself), proves the call comes from the gateway (GATEWAY_TOKEN_HEADER) and passes the
 * client's address as the gateway's socket sees it (never a client-supplied header). A subgraph that
 * does not answer yields SERVICE_UNAVAILABLE errors for its fields instead of failing the request.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly logger = new Logger('SubgraphDataSource');

  constructor(
    private readonly service: ServiceName,
    url: string,
    private readonly signer: GatewayTokenSigner,
  ) {
    // Node's own fetch (undici) rather than the default make-fetch-happen agent: it honours the
    // subgraphs' `Keep-Alive: timeout=5` and so never sends a request on a connection the subgraph is
    // closing (the default agent keeps idle sockets forever and now and then lost a request that way).
    super({ url, fetcher: nodeFetch });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    const authorization = context.req?.headers.authorization;
    if (authorization) headers.set('authorization', authorization);
    headers.set(GATEWAY_TOKEN_HEADER, await this.signer.token());
    const clientAddress = context.req?.socket.remoteAddress;
    if (clientAddress) headers.set(CLIENT_ADDRESS_HEADER, clientAddress);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const answered = answeredErrors(error);
      if (answered) return { errors: answered };
      this.logger.warn(`${this.service} did not answer: ${describe(error)}`);
      const document = ('document' in options ? options.document : undefined) ?? parse(options.request.query ?? '{ __typename }');
      return { errors: unavailableErrors(this.service, document) };
    }
  }
}
