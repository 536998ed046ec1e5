import { AppError } from '@ttm/errors';
import { buildFilter, decodeOffsetCursor, encodeOffsetCursor, toSearchRequest } from './search-request';
import { SearchFacet, SearchKind, SearchSort } from './search.model';

describe('toSearchRequest', () => {
  it('searches everything by relevance with highlights by default', () => {
    expect(toSearchRequest({})).toEqual({
      query: undefined,
      filter: undefined,
      facets: undefined,
      sort: undefined,
      limit: 20,
      offset: 0,
      highlight: { fields: ['title', 'keywords', 'description', 'organizationName', 'institution'] },
    });
  });

  it('maps facets and sorts to index fields, and the cursor to an offset', () => {
    const request = toSearchRequest({
      query: '  光伏  ',
      facets: [SearchFacet.INDUSTRY, SearchFacet.REGION],
      sort: SearchSort.PRICE_ASC,
      first: 10,
      after: encodeOffsetCursor(30),
    });
    expect(request).toMatchObject({ query: '光伏', facets: ['industryPath', 'regionPath'], sort: [{ field: 'price', direction: 'asc' }], limit: 10, offset: 30 });
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodeOffsetCursor(Buffer.from('offset:abc').toString('base64url'))).toThrow(AppError);
    expect(() => decodeOffsetCursor('garbage')).toThrow(/after/);
  });
});

describe('buildFilter', () => {
  it('filters taxonomy codes through their paths, so parents include children', () => {
    expect(buildFilter([SearchKind.NEED], { industries: ['TEXTILE'], regions: ['330400'] })).toEqual({
      and: [
        { field: 'kind', op: 'in', values: ['NEED'] },
        { field: 'industryPath', op: 'in', values: ['TEXTILE'] },
        { field: 'regionPath', op: 'in', values: ['330400'] },
      ],
    });
  });

  it('matches needs by budget overlap and results by asking price', () => {
    const filter = buildFilter(undefined, { priceMin: 100_000, priceMax: 500_000 });
    expect(filter).toEqual({
      or: [
        { and: [{ field: 'kind', op: 'eq', value: 'RESULT' }, { field: 'askingPrice', op: 'range', gte: 100_000, lte: 500_000 }] },
        { and: [{ field: 'kind', op: 'eq', value: 'NEED' }, { field: 'budgetMax', op: 'range', gte: 100_000 }, { field: 'budgetMin', op: 'range', lte: 500_000 }] },
        { and: [{ field: 'kind', op: 'eq', value: 'CHALLENGE' }, { field: 'bounty', op: 'range', gte: 100_000, lte: 500_000 }] },
      ],
    });
  });

  it('keeps hostile-looking values as plain values', () => {
    expect(buildFilter(undefined, { industries: ['x" OR status = "DRAFT'] })).toEqual({ field: 'industryPath', op: 'in', values: ['x" OR status = "DRAFT'] });
  });

  it.each([
    [{ trlMin: 7, trlMax: 3 }, /trlMax/],
    [{ priceMin: 9, priceMax: 1 }, /priceMax/],
  ])('refuses inverted ranges %p', (filters, message) => {
    expect(() => buildFilter(undefined, filters)).toThrow(message);
  });

  it('builds nothing when nothing is asked', () => {
    expect(buildFilter(undefined, {})).toBeUndefined();
    expect(buildFilter([], undefined)).toBeUndefined();
  });
});
