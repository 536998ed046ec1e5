import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { authorizedFetch } from './auth-fetch';

/**
 * Every Relay connection of the API, with the arguments that make a different list (the rest — first,
 * after — are paging). fetchMore({ variables: { after } }) then appends a page to the cached list;
 * a query without `after` (a refetch) starts the list again from its first page.
 */
const connectionFields = {
  applicationsForChallenge: relayStylePagination(['challengeId', 'filter']),
  auditLog: relayStylePagination(['action', 'actorId', 'targetId']),
  challenges: relayStylePagination(['filter']),
  concepts: relayStylePagination(['query', 'kind', 'industry']),
  deals: relayStylePagination(['stage']),
  experts: relayStylePagination(['filter']),
  learnedLinkWeights: relayStylePagination(),
  myApplications: relayStylePagination(['filter']),
  myMatches: relayStylePagination(['awaitingMyResponse', 'status']),
  needs: relayStylePagination(['filter']),
  notifications: relayStylePagination(['unreadOnly']),
  organizations: relayStylePagination(['verified']),
  proposedMatches: relayStylePagination(['awaitingMyResponse', 'brokerId', 'status']),
  results: relayStylePagination(['filter']),
  reviewQueue: relayStylePagination(),
  users: relayStylePagination(['role']),
};

export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', fetch: authorizedFetch }),
  cache: new InMemoryCache({
    possibleTypes: { Listing: ['Challenge', 'Expert', 'Need', 'Result'] },
    typePolicies: {
      Query: { fields: connectionFields },
      // Search responses have no id; each one is its own value.
      SearchResponse: { keyFields: false },
    },
  }),
});
