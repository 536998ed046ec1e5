import { isAdmin } from '@ttm/auth';
import { badInput, forbidden, unauthenticated } from '@ttm/errors';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, PageArgs, toConnection } from '@ttm/graphql';
import { industryWithDescendants } from '@ttm/taxonomy';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isUuid } from './ids';
import { ListingBaseEntity } from './listing-base.entity';
import { ListingFilterInput } from './listing-filter.inputs';
import { ListingStatus } from './listing-status';
import { Viewer } from './visibility';

/** Lists are newest first: public ones by publication, owners' and administrators' by creation. */
export type ListingOrder = 'publishedAt' | 'createdAt';

/**
 * Who sees what in a list: everyone sees PUBLISHED listings; `mine` shows the caller's own in any
 * status; other statuses of other people's listings only administrators.
 */
export function applyListingScope<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  filter: ListingFilterInput | null | undefined,
  viewer: Viewer,
): ListingOrder {
  const status = filter?.status ?? null;
  if (filter?.mine) {
    if (!viewer) throw unauthenticated('Sign in to list your own listings (mine: true)');
    qb.andWhere(`${alias}.ownerId = :viewerId`, { viewerId: viewer.id });
    if (status) qb.andWhere(`${alias}.status = :status`, { status });
    return status === ListingStatus.PUBLISHED ? 'publishedAt' : 'createdAt';
  }
  if (status && status !== ListingStatus.PUBLISHED) {
    if (!viewer) throw unauthenticated(`Sign in to list ${status} listings`);
    if (!isAdmin(viewer)) {
      throw forbidden(`Only administrators can list other people's ${status} listings: pass mine: true to list your own`);
    }
    qb.andWhere(`${alias}.status = :status`, { status });
    return 'createdAt';
  }
  qb.andWhere(`${alias}.status = :status`, { status: ListingStatus.PUBLISHED });
  return 'publishedAt';
}

/** GB/T 2260: a province (xx0000) or city (xxxx00) covers every code with its prefix. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function applyClassificationFilters<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  filter: ListingFilterInput | null | undefined,
): void {
  if (filter?.industry) qb.andWhere(`${alias}.industry IN (:...industries)`, { industries: industryWithDescendants(filter.industry) });
  if (filter?.regionCode) {
    const prefix = regionPrefix(filter.regionCode);
    if (prefix === filter.regionCode) qb.andWhere(`${alias}.regionCode = :regionCode`, { regionCode: prefix });
    else qb.andWhere(`${alias}.regionCode LIKE :regionPrefix`, { regionPrefix: `${prefix}%` });
  }
}

function cursorTime(sortValue: string | number, id: string): Date {
  const time = new Date(sortValue);
  if (typeof sortValue !== 'string' || Number.isNaN(time.getTime()) || !isUuid(id)) {
    throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged');
  }
  return time;
}

/** Counts, then reads one keyset page (`order` DESC, id DESC). */
export async function paginate<E extends ListingBaseEntity>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  order: ListingOrder,
  page: PageArgs,
): Promise<Connection<E>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  const totalCount = await qb.clone().getCount();
  if (page.after) {
    const cursor = decodeCursor(page.after);
    qb.andWhere(`(${alias}.${order}, ${alias}.id) < (:cursorTime, :cursorId)`, {
      cursorTime: cursorTime(cursor.sortValue, cursor.id),
      cursorId: cursor.id,
    });
  }
  const rows = await qb
    .orderBy(`${alias}.${order}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(first + 1)
    .getMany();
  return toConnection(rows, first, totalCount, (row) => ({ sortValue: (row[order] ?? row.createdAt).toISOString(), id: row.id }));
}
