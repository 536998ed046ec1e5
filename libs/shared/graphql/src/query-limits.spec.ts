import { AppError, ErrorCode } from '@ttm/errors';
import { buildSchema, GraphQLError, parse, Source, validate } from 'graphql';
import { countTokens, formatQueryError, QUERY_LIMITS, queryProtection, tokenLimitError } from './query-limits';

const schema = buildSchema(`
  type Query { me: User, users(first: Int): [User!]! }
  type User { id: ID!, name: String, friends(first: Int): [User!]! }
`);
const protection = queryProtection(true);

/** The limit errors validation reports, as the AppError each carries (what the client's code comes from). */
function limitErrors(query: string): AppError[] {
  return validate(schema, parse(query), protection.validationRules).map((error) => {
    expect(error.originalError).toBeInstanceOf(AppError);
    return error.originalError as AppError;
  });
}

describe('the query limits every endpoint applies', () => {
  it('counts aliases of __typename (graphql-armor exempts them by default)', () => {
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ');
    const [error] = limitErrors(`{ ${aliases} }`);
    expect(error.code).toBe(ErrorCode.QUERY_LIMIT_EXCEEDED);
    expect(error.details).toEqual({ limit: 'maxAliases', max: QUERY_LIMITS.maxAliases });
    expect(error.message).toMatch(/Aliases limit of 15 exceeded, found 600\./);
  });

  it('lets an operation at every limit through', () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `a${i}: __typename`).join(' ');
    expect(limitErrors(`{ ${aliases} me { id name } }`)).toEqual([]);
  });

  it.each([
    ['maxDepth', `{ me { ${'friends { '.repeat(QUERY_LIMITS.maxDepth)}id${' }'.repeat(QUERY_LIMITS.maxDepth)} } }`, /depth limit of 10 exceeded/i],
    ['maxDirectives', `{ __typename ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)}}`, /directives limit of 20 exceeded/i],
    ['maxCost', '{ users(first: 100) { friends(first: 100) { id } } }', /cost limit of 5000 exceeded/i],
  ])('refuses a query over %s with QUERY_LIMIT_EXCEEDED and advice', (limit, query, message) => {
    const errors = limitErrors(query);
    expect(errors.map((error) => error.details?.['limit'])).toContain(limit);
    const error = errors.find((candidate) => candidate.details?.['limit'] === limit);
    expect(error?.code).toBe(ErrorCode.QUERY_LIMIT_EXCEEDED);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/syntax error/i);
  });

  it('stops parsing past the token limit and names that limit', () => {
    const query = `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)}}`;
    let parseError: unknown;
    try {
      parse(query, protection.parseOptions);
    } catch (error) {
      parseError = error;
    }
    expect(parseError).toBeInstanceOf(GraphQLError);
    // Apollo Server reports a parse failure as GRAPHQL_PARSE_FAILED; the shared formatting renames it.
    const asApolloReportsIt = new GraphQLError((parseError as GraphQLError).message, {
      source: (parseError as GraphQLError).source,
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(tokenLimitError(asApolloReportsIt)?.details).toEqual({ limit: 'maxTokens', max: QUERY_LIMITS.maxTokens });
    expect(formatQueryError({ message: asApolloReportsIt.message }, asApolloReportsIt).extensions).toEqual({
      code: ErrorCode.QUERY_LIMIT_EXCEEDED,
      limit: 'maxTokens',
      max: QUERY_LIMITS.maxTokens,
    });
  });

  it('leaves an ordinary syntax error as it is', () => {
    const syntax = new GraphQLError('Syntax Error: Expected Name, found "}".', { source: new Source('{ a }'), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(tokenLimitError(syntax)).toBeUndefined();
    expect(formatQueryError({ message: syntax.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, syntax).extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('counts tokens like the parser and stops early', () => {
    expect(countTokens('{ me { id } }', 100)).toBe(6);
    expect(countTokens('{ a } # comment', 100)).toBe(3);
    expect(countTokens('{ '.repeat(10_000), 50)).toBe(51);
  });
});
