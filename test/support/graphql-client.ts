import { ClientError, GraphQLClient, Variables } from 'graphql-request';

/** A GraphQL client for one caller (anonymous or signed in). */
export function client(url: string, accessToken?: string): GraphQLClient {
  return new GraphQLClient(url, { headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });
}

export interface GraphQLFailure {
  code: string | undefined;
  message: string;
}

/** Runs an operation that must fail and returns its first error's code and message. */
export async function failure(gql: GraphQLClient, document: string, variables?: Variables): Promise<GraphQLFailure> {
  try {
    await gql.request(document, variables);
  } catch (error) {
    if (error instanceof ClientError && error.response.errors?.length) {
      const [first] = error.response.errors;
      return { code: first.extensions?.['code'] as string | undefined, message: first.message };
    }
    throw error;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}
