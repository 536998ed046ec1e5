/**
 * The API's refusals of the access token itself (`extensions.reason` of UNAUTHENTICATED, see
 * AccessTokenVerifier): revoked because the session ended or the roles changed, expired, or invalid
 * (e.g. from before sessions existed). A refresh may cure each of them; any other error it cannot.
 */
const TOKEN_REFUSALS = new Set(['SESSION_ENDED', 'ROLES_CHANGED', 'TOKEN_EXPIRED', 'TOKEN_INVALID']);

interface GraphQLBody {
  errors?: { extensions?: { code?: unknown; reason?: unknown } }[];
}

/** Whether a GraphQL response body says the access token it was sent with is refused. */
export function refusesAccessToken(body: unknown): boolean {
  const errors = (body as GraphQLBody | null)?.errors;
  if (!Array.isArray(errors)) return false;
  return errors.some((error) => error?.extensions?.code === 'UNAUTHENTICATED' && TOKEN_REFUSALS.has(String(error.extensions.reason)));
}
