import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits that stop the abuse GraphQL security scanners probe for. Values are sized for the
 * marketplace's real operations (the web app's deepest query nests about 6 levels).
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 5000,
} as const;

/** graphql-armor's Apollo plugins and validation rules; batched HTTP requests are refused outright. */
export function queryProtection(isProduction: boolean) {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: !isProduction, exposeLimits: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
    maxTokens: { n: QUERY_LIMITS.maxTokens, exposeLimits: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, exposeLimits: true },
    blockFieldSuggestion: { enabled: isProduction },
  }).protect();
}
