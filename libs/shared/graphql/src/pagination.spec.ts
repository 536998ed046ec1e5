import { AppError, ErrorCode } from '@ttm/errors';
import { decodeCursor, encodeCursor, toConnection } from './pagination';

describe('keyset cursors', () => {
  it('round-trips a sort value and id', () => {
    const cursor = { sortValue: '2026-11-01T00:00:00.000Z', id: 'a1' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])(
    'refuses a tampered cursor %p with BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(AppError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect((error as AppError).code).toBe(ErrorCode.BAD_USER_INPUT);
      }
    },
  );

  it('builds a page and tells whether another follows', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id${n}`, at: n }));
    const page = toConnection(rows, 2, 10, (row) => ({ sortValue: row.at, id: row.id }));
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['id1', 'id2']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });
    expect(toConnection(rows.slice(0, 2), 2, 2, (row) => ({ sortValue: row.at, id: row.id })).pageInfo.hasNextPage).toBe(false);
  });
});
