import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { AppError, ErrorCode, formatGraphQLError } from '@ttm/errors';
import { GraphQLError, GraphQLFormattedError, Lexer, ParseOptions, Source, TokenKind, ValidationContext, ValidationRule } from 'graphql';

/**
 * The limits every GraphQL endpoint applies, the gateway and each subgraph alike, against the abuse
 * GraphQL security scanners probe for. Values are sized for the marketplace's real operations (the web
 * app's deepest query nests about 6 levels).
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 5000,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

/** What a client can do about each limit; appended to the limit's own message. */
const ADVICE: Record<QueryLimit, string> = {
  maxDepth: 'Select fewer nested levels, or fetch the deeper data with a second query.',
  maxAliases: 'Request fewer aliased fields (aliases of __typename count too) or split the operation.',
  maxDirectives: 'Use fewer directives in one operation.',
  maxTokens: 'Send a shorter document: fewer fields and arguments, or several smaller operations.',
  maxCost: 'Ask for smaller pages (first) or fewer nested lists, or split the operation.',
};

/** The error a client gets for a query over a limit: HTTP 400, `extensions.code` QUERY_LIMIT_EXCEEDED. */
export function queryLimitError(limit: QueryLimit, message: string): AppError {
  return new AppError(ErrorCode.QUERY_LIMIT_EXCEEDED, `${message} ${ADVICE[limit]}`, { limit, max: QUERY_LIMITS[limit] });
}

/**
 * graphql-armor reports a refusal as "Syntax Error: <limit> exceeded …" with code BAD_USER_INPUT, which
 * Apollo then relabels GRAPHQL_VALIDATION_FAILED. Reported with an AppError as the original error, the
 * refusal keeps Apollo's HTTP 400 and reaches the client under its own code (see formatGraphQLError).
 */
function reportAs(limit: QueryLimit): (context: ValidationContext | null, error: GraphQLError) => void {
  return (context, error) => {
    const message = error.message.replace(/^Syntax Error:\s*/, '');
    context?.reportError(new GraphQLError(message, { originalError: queryLimitError(limit, message) }));
  };
}

/** Counts a document's lexical tokens the way graphql-js's parser does, stopping once past `atMost`. */
export function countTokens(body: string, atMost: number): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (count <= atMost && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a lexing error ends the count; the parser reports it
  }
  return count;
}

/**
 * graphql-js stops parsing past `maxTokens` with a plain syntax error (GRAPHQL_PARSE_FAILED, HTTP 400):
 * this names it as the limit it is. A document over the limit is refused for that, whatever else is wrong with it.
 */
export function tokenLimitError(error: unknown): AppError | undefined {
  if (!(error instanceof GraphQLError) || error.extensions['code'] !== 'GRAPHQL_PARSE_FAILED' || !error.source) return undefined;
  const tokens = countTokens(error.source.body, QUERY_LIMITS.maxTokens);
  if (tokens <= QUERY_LIMITS.maxTokens) return undefined;
  return queryLimitError('maxTokens', `Token limit of ${QUERY_LIMITS.maxTokens} exceeded: the document has more.`);
}

/** The error formatting of every GraphQL endpoint: the common mapping, with the token limit named. */
export function formatQueryError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return formatGraphQLError(formatted, tokenLimitError(error) ?? error);
}

export interface QueryProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** graphql-js aborts parsing past the token limit itself (before building a huge AST). */
  parseOptions: ParseOptions;
}

/**
 * graphql-armor's validation rules (depth, aliases, directives, cost) and, in production, its field
 * suggestion masking. Its max-tokens plugin is not used: it throws from Apollo's parsingDidStart hook,
 * which Apollo answers with HTTP 500 (for every syntax error, too); graphql-js's own token limit (`maxLexicalTokens`)
 * option refuses with HTTP 400 instead. Batched HTTP requests are refused by each server's config.
 */
export function queryProtection(isProduction: boolean): QueryProtection {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: !isProduction, propagateOnRejection: false, onReject: [reportAs('maxDepth')] },
    // graphql-armor exempts aliases of __typename by default (allowList ['__typename']), so 600 of them passed.
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [], propagateOnRejection: false, onReject: [reportAs('maxAliases')] },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, propagateOnRejection: false, onReject: [reportAs('maxDirectives')] },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, propagateOnRejection: false, onReject: [reportAs('maxCost')] },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: isProduction },
  }).protect();
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: validationRules as ValidationRule[],
    parseOptions: { maxLexicalTokens: QUERY_LIMITS.maxTokens },
  };
}
