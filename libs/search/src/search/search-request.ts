import { badInput } from '@ttm/errors';
import { F, Filter, SearchRequest, SortSpec } from '@ttm/search-engine';
import { SearchFacet, SearchSort } from './search.model';
import { SearchFilters, SearchInput } from './search.inputs';

export const DEFAULT_SEARCH_PAGE = 20;
export const HIGHLIGHT_FIELDS = ['title', 'keywords', 'description', 'organizationName', 'institution'];

/** Index field behind each facet. */
export const FACET_FIELDS: Record<SearchFacet, string> = {
  KIND: 'kind',
  INDUSTRY: 'industryPath',
  REGION: 'regionPath',
  COOPERATION_MODE: 'cooperationModes',
  IP_TYPE: 'ipType',
  TRL: 'trl',
  OPEN_LICENSE: 'openLicense',
  CONCEPT: 'concepts',
};

const SORTS: Record<SearchSort, SortSpec[] | undefined> = {
  RELEVANCE: undefined,
  NEWEST: [{ field: 'publishedAt', direction: 'desc' }],
  PRICE_ASC: [{ field: 'price', direction: 'asc' }],
  PRICE_DESC: [{ field: 'price', direction: 'desc' }],
  BOUNTY_DESC: [{ field: 'bounty', direction: 'desc' }],
  DEADLINE_ASC: [{ field: 'deadline', direction: 'asc' }],
  TRL_DESC: [{ field: 'trl', direction: 'desc' }],
};

/** The page offset travels as an opaque cursor, like every other connection in the API. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

export function decodeOffsetCursor(cursor: string): number {
  const match = /^offset:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged');
  return Number(match[1]);
}

function priceFilter(min: number | undefined, max: number | undefined): Filter | undefined {
  if (min === undefined && max === undefined) return undefined;
  const bounds = { ...(min !== undefined ? { gte: min } : {}), ...(max !== undefined ? { lte: max } : {}) };
  // A need fits when its budget range overlaps the asked range.
  const needOverlap: Filter[] = [F.eq('kind', 'NEED')];
  if (min !== undefined) needOverlap.push(F.range('budgetMax', { gte: min }));
  if (max !== undefined) needOverlap.push(F.range('budgetMin', { lte: max }));
  return F.or(
    F.and(F.eq('kind', 'RESULT'), F.range('askingPrice', bounds)),
    F.and(...needOverlap),
    F.and(F.eq('kind', 'CHALLENGE'), F.range('bounty', bounds)),
  );
}

/** Turns the filters a client sent into the engine's structured filter, refusing what cannot match. */
export function buildFilter(kinds: readonly string[] | undefined, filters: SearchFilters | undefined): Filter | undefined {
  const parts: Filter[] = [];
  if (kinds?.length) parts.push(F.in('kind', kinds));
  if (filters) {
    // Unknown industry or region codes are exact-match values that simply match nothing.
    if (filters.trlMin !== undefined && filters.trlMax !== undefined && filters.trlMin > filters.trlMax) {
      throw badInput('filters.trlMax must not be below trlMin');
    }
    if (filters.priceMin !== undefined && filters.priceMax !== undefined && filters.priceMin > filters.priceMax) {
      throw badInput('filters.priceMax must not be below priceMin');
    }
    if (filters.industries?.length) parts.push(F.in('industryPath', filters.industries));
    if (filters.regions?.length) parts.push(F.in('regionPath', filters.regions));
    if (filters.trlMin !== undefined || filters.trlMax !== undefined) {
      parts.push(F.range('trl', { ...(filters.trlMin !== undefined ? { gte: filters.trlMin } : {}), ...(filters.trlMax !== undefined ? { lte: filters.trlMax } : {}) }));
    }
    if (filters.ipTypes?.length) parts.push(F.in('ipType', filters.ipTypes));
    if (filters.cooperationModes?.length) parts.push(F.in('cooperationModes', filters.cooperationModes));
    const price = priceFilter(filters.priceMin, filters.priceMax);
    if (price) parts.push(price);
    if (filters.openLicense !== undefined) parts.push(F.eq('openLicense', filters.openLicense));
    if (filters.concepts?.length) parts.push(F.in('concepts', filters.concepts));
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : F.and(...parts);
}

export function toSearchRequest(input: SearchInput): SearchRequest {
  const limit = input.first ?? DEFAULT_SEARCH_PAGE;
  return {
    query: input.query?.trim() || undefined,
    filter: buildFilter(input.kinds, input.filters),
    facets: input.facets?.map((facet) => FACET_FIELDS[facet]),
    sort: SORTS[input.sort ?? SearchSort.RELEVANCE],
    limit,
    offset: input.after ? decodeOffsetCursor(input.after) : 0,
    highlight: { fields: HIGHLIGHT_FIELDS },
  };
}
