import { parse } from 'graphql';
import { unavailableErrors } from './subgraph-data-source';

describe('the errors for a service that does not answer', () => {
  it('mark each root field the fetch asked for, by its response key, and name the part of the marketplace', () => {
    const errors = unavailableErrors('search', parse('query Q__search__0 { hits: search(input: $input) { totalHits } matchesForNeed(needId: "1") { score } __typename }'));
    expect(errors).toEqual([
      { message: 'Search is temporarily unavailable; try again shortly', path: ['hits'], extensions: { code: 'SERVICE_UNAVAILABLE' } },
      { message: 'Search is temporarily unavailable; try again shortly', path: ['matchesForNeed'], extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
  });

  it('is one error without a path for an entity fetch (fields nested in another service’s answer)', () => {
    const errors = unavailableErrors('identity', parse('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { displayName } } }'));
    expect(errors).toEqual([{ message: 'Sign-in and accounts are temporarily unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
  });
});
