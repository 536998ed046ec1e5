import type { CooperationMode, IpType, ListingKind, SaveSearchInput, SavedSearchFieldsFragment, SearchFacet, SearchInput, SearchSort } from '../../gql/graphql';

export const PAGE_SIZE = 10;

export const TABS: { key: 'ALL' | ListingKind; label: string }[] = [
  { key: 'ALL', label: '全部' },
  { key: 'NEED', label: '需求大厅' },
  { key: 'RESULT', label: '成果大厅' },
  { key: 'EXPERT', label: '专家库' },
  { key: 'CHALLENGE', label: '揭榜挂帅' },
];

export const SORTS: { value: SearchSort; label: string; kinds?: ListingKind[] }[] = [
  { value: 'RELEVANCE', label: '相关度' },
  { value: 'NEWEST', label: '最新发布' },
  { value: 'PRICE_ASC', label: '价格从低到高', kinds: ['NEED', 'RESULT', 'CHALLENGE'] },
  { value: 'PRICE_DESC', label: '价格从高到低', kinds: ['NEED', 'RESULT', 'CHALLENGE'] },
  { value: 'TRL_DESC', label: '成熟度从高到低', kinds: ['RESULT'] },
  { value: 'DEADLINE_ASC', label: '截止日期最近', kinds: ['NEED', 'CHALLENGE'] },
  { value: 'BOUNTY_DESC', label: '榜额从高到低', kinds: ['CHALLENGE'] },
];

/** Facets shown as filters on each tab, in display order, with their Chinese titles. */
export const FACET_TITLES: Record<Exclude<SearchFacet, 'KIND'>, string> = {
  INDUSTRY: '行业',
  CONCEPT: '技术领域',
  REGION: '地区',
  COOPERATION_MODE: '合作方式',
  TRL: '技术成熟度',
  IP_TYPE: '知识产权',
  OPEN_LICENSE: '开放许可',
};
export type FilterFacet = keyof typeof FACET_TITLES;

export function facetsFor(tab: SearchState['tab']): FilterFacet[] {
  switch (tab) {
    case 'RESULT':
      return ['INDUSTRY', 'CONCEPT', 'REGION', 'COOPERATION_MODE', 'TRL', 'IP_TYPE', 'OPEN_LICENSE'];
    case 'EXPERT':
      return ['INDUSTRY', 'CONCEPT', 'REGION'];
    case 'CHALLENGE':
      return ['INDUSTRY', 'CONCEPT', 'REGION'];
    case 'NEED':
      return ['INDUSTRY', 'CONCEPT', 'REGION', 'COOPERATION_MODE'];
    default:
      return ['INDUSTRY', 'CONCEPT', 'REGION', 'COOPERATION_MODE'];
  }
}

/** Everything the search page shows, as it travels in the URL (so a reload or a shared link shows the same page). */
export interface SearchState {
  query: string;
  tab: 'ALL' | ListingKind;
  sort: SearchSort;
  /** Selected values per facet. */
  selected: Partial<Record<FilterFacet, string[]>>;
  /** endCursor of each page before the current one; empty on the first page. */
  cursors: string[];
}

const PARAM: Record<FilterFacet, string> = {
  INDUSTRY: 'industry',
  CONCEPT: 'concept',
  REGION: 'region',
  COOPERATION_MODE: 'mode',
  TRL: 'trl',
  IP_TYPE: 'ip',
  OPEN_LICENSE: 'open',
};

export function readState(params: URLSearchParams): SearchState {
  const tab = TABS.find((item) => item.key === params.get('tab'))?.key ?? 'ALL';
  const sort = SORTS.find((item) => item.value === params.get('sort'))?.value ?? 'RELEVANCE';
  const selected: SearchState['selected'] = {};
  for (const facet of facetsFor(tab)) {
    const values = params.getAll(PARAM[facet]);
    if (values.length) selected[facet] = values;
  }
  return { query: params.get('q') ?? '', tab, sort, selected, cursors: params.getAll('c') };
}

export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.tab !== 'ALL') params.set('tab', state.tab);
  if (state.sort !== 'RELEVANCE') params.set('sort', state.sort);
  for (const [facet, values] of Object.entries(state.selected) as [FilterFacet, string[]][]) {
    values.forEach((value) => params.append(PARAM[facet], value));
  }
  state.cursors.forEach((cursor) => params.append('c', cursor));
  return params;
}

/** The API's SearchInput for a state. */
export function searchInput(state: SearchState): SearchInput {
  const { selected } = state;
  const trls = (selected.TRL ?? []).map(Number).filter(Number.isInteger);
  return {
    query: state.query || undefined,
    kinds: state.tab === 'ALL' ? undefined : [state.tab],
    sort: state.sort,
    first: PAGE_SIZE,
    after: state.cursors.at(-1),
    facets: [...facetsFor(state.tab), 'KIND'],
    filters: {
      industries: selected.INDUSTRY,
      concepts: selected.CONCEPT,
      regions: selected.REGION,
      cooperationModes: selected.COOPERATION_MODE as CooperationMode[] | undefined,
      ipTypes: selected.IP_TYPE as IpType[] | undefined,
      openLicense: selected.OPEN_LICENSE?.length === 1 ? selected.OPEN_LICENSE[0] === 'true' : undefined,
      trlMin: trls.length ? Math.min(...trls) : undefined,
      trlMax: trls.length ? Math.max(...trls) : undefined,
    },
  };
}

/** What a saved search keeps of a state: the query, the tab's kind and the filters (not the sort or the page). */
export function savedSearchCriteria(state: SearchState): Omit<SaveSearchInput, 'name'> {
  const { query, kinds, filters } = searchInput(state);
  return { query, kinds, filters };
}

/** The search page's state for a saved search (its filters as the facets select them). */
export function stateOfSavedSearch(saved: Pick<SavedSearchFieldsFragment, 'query' | 'kinds' | 'filters'>): SearchState {
  const tab = saved.kinds.length === 1 ? saved.kinds[0] : 'ALL';
  const { filters } = saved;
  const trls = filters.trlMin != null || filters.trlMax != null ? range(filters.trlMin ?? 1, filters.trlMax ?? 9).map(String) : undefined;
  const candidates: SearchState['selected'] = {
    INDUSTRY: filters.industries ?? undefined,
    CONCEPT: filters.concepts ?? undefined,
    REGION: filters.regions ?? undefined,
    COOPERATION_MODE: filters.cooperationModes ?? undefined,
    IP_TYPE: filters.ipTypes ?? undefined,
    OPEN_LICENSE: filters.openLicense == null ? undefined : [String(filters.openLicense)],
    TRL: trls,
  };
  const selected: SearchState['selected'] = {};
  for (const facet of facetsFor(tab)) {
    const values = candidates[facet];
    if (values?.length) selected[facet] = values;
  }
  return { query: saved.query ?? '', tab, sort: 'RELEVANCE', selected, cursors: [] };
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
