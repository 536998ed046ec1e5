import { readState, savedSearchCriteria, searchInput, SearchState, stateOfSavedSearch, writeState } from './search-state';

const state = (overrides: Partial<SearchState>): SearchState => ({ query: '', tab: 'ALL', sort: 'RELEVANCE', selected: {}, cursors: [], ...overrides });

describe('the search page state in the URL', () => {
  it('survives a reload: writing and reading the URL gives the same state', () => {
    const before = state({ query: '光伏 叠层', tab: 'RESULT', sort: 'TRL_DESC', selected: { INDUSTRY: ['NEW_ENERGY_PV'], TRL: ['6', '7'], OPEN_LICENSE: ['true'] }, cursors: ['a', 'b'] });
    expect(readState(new URLSearchParams(writeState(before).toString()))).toEqual(before);
  });

  it('keeps an empty state out of the URL and reads an empty URL as the home page', () => {
    expect(writeState(state({})).toString()).toBe('');
    expect(readState(new URLSearchParams(''))).toEqual(state({}));
  });

  it('ignores an unknown tab or sort, and filters the tab does not offer', () => {
    const read = readState(new URLSearchParams('tab=SPACESHIP&sort=RANDOM&trl=7&q=x'));
    expect(read).toEqual(state({ query: 'x' }));
    // TRL is a result facet: on the needs tab it is not a filter.
    expect(readState(new URLSearchParams('tab=NEED&trl=7')).selected.TRL).toBeUndefined();
  });

  it('asks the API for the TRL range the selected levels span, and for the page after the last cursor', () => {
    const input = searchInput(state({ tab: 'RESULT', selected: { TRL: ['7', '5', 'x'] }, cursors: ['first', 'second'] }));
    expect(input.filters).toMatchObject({ trlMin: 5, trlMax: 7 });
    expect(input.after).toBe('second');
    expect(input.kinds).toEqual(['RESULT']);
  });
});

describe('a saved search and the search page', () => {
  it('comes back as the state it was saved from (without sort and page)', () => {
    const saved = state({ query: '石墨烯导热膜', tab: 'NEED', selected: { INDUSTRY: ['NEW_MATERIALS'], COOPERATION_MODE: ['LICENSE'] } });
    const criteria = savedSearchCriteria({ ...saved, sort: 'NEWEST', cursors: ['p2'] });
    const filters = {
      industries: null,
      regions: null,
      cooperationModes: null,
      ipTypes: null,
      openLicense: null,
      trlMin: null,
      trlMax: null,
      priceMin: null,
      priceMax: null,
      concepts: null,
      ...Object.fromEntries(Object.entries(criteria.filters ?? {}).filter(([, value]) => value !== undefined)),
    };
    expect(stateOfSavedSearch({ query: criteria.query ?? null, kinds: criteria.kinds ?? [], filters })).toEqual(saved);
  });

  it('turns a saved TRL range back into the levels it covers', () => {
    const back = stateOfSavedSearch({
      query: null,
      kinds: ['RESULT'],
      filters: { industries: null, regions: null, cooperationModes: null, ipTypes: null, openLicense: null, trlMin: 7, trlMax: null, priceMin: null, priceMax: null, concepts: null },
    });
    expect(back.selected.TRL).toEqual(['7', '8', '9']);
  });
});
