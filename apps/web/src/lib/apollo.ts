import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { authorizedFetch } from './auth-fetch';

export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', fetch: authorizedFetch }),
  cache: new InMemoryCache({
    possibleTypes: { Listing: ['Challenge', 'Expert', 'Need', 'Result'] },
    typePolicies: {
      // Search responses have no id; each one is its own value.
      SearchResponse: { keyFields: false },
    },
  }),
});
