/** True once a GraphQL endpoint answers a trivial query. */
export async function graphqlAnswers(url: string, query = '{ __typename }'): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(2000),
  });
  return response.ok;
}
