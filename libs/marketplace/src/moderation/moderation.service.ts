import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ttm/auth';
import { badInput } from '@ttm/errors';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, PageArgs, toConnection } from '@ttm/graphql';
import { DataSource } from 'typeorm';
import { isUuid } from '../listing/ids';
import { AnyListingEntity, LISTING_ENTITIES, MARKETPLACE_KINDS } from '../listing/listing-kinds';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { ListingStatus } from '../listing/listing-status';
import { ListingErrors } from '../listing/listing.errors';
import { recordModeration } from './moderation-audit';

/** Oldest submission first; ties by id. */
function queueOrder(a: AnyListingEntity, b: AnyListingEntity): number {
  const byTime = (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0);
  return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

@Injectable()
export class ModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ListingLifecycle,
  ) {}

  async approve(id: string, admin: AuthUser): Promise<AnyListingEntity> {
    const kind = await this.lifecycle.kindOfId(id);
    if (!kind) throw ListingErrors.notFound(null, id);
    return this.lifecycle.change(kind, id, admin, 'APPROVE', {
      afterSave: (manager, saved, before) => recordModeration(manager, admin, saved, before),
    });
  }

  async reject(id: string, reason: string, admin: AuthUser): Promise<AnyListingEntity> {
    const kind = await this.lifecycle.kindOfId(id);
    if (!kind) throw ListingErrors.notFound(null, id);
    return this.lifecycle.change(kind, id, admin, 'REJECT', {
      rejectionReason: reason,
      afterSave: (manager, saved, before) => recordModeration(manager, admin, saved, before),
    });
  }

  /** Everything waiting for review, across kinds, oldest submission first. */
  async reviewQueue(page: PageArgs): Promise<Connection<AnyListingEntity>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const cursor = page.after ? decodeCursor(page.after) : null;
    const cursorTime = cursor ? new Date(cursor.sortValue) : null;
    if (cursor && (typeof cursor.sortValue !== 'string' || Number.isNaN(cursorTime?.getTime()) || !isUuid(cursor.id))) {
      throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged');
    }
    let totalCount = 0;
    const rows: AnyListingEntity[] = [];
    for (const kind of MARKETPLACE_KINDS) {
      const qb = this.dataSource
        .getRepository<AnyListingEntity>(LISTING_ENTITIES[kind])
        .createQueryBuilder('listing')
        .where('listing.status = :status', { status: ListingStatus.PENDING_REVIEW });
      totalCount += await qb.clone().getCount();
      if (cursor) qb.andWhere('(listing.submittedAt, listing.id) > (:cursorTime, :cursorId)', { cursorTime, cursorId: cursor.id });
      rows.push(...(await qb.orderBy('listing.submittedAt', 'ASC').addOrderBy('listing.id', 'ASC').limit(first + 1).getMany()));
    }
    rows.sort(queueOrder);
    return toConnection(rows.slice(0, first + 1), first, totalCount, (row) => ({
      sortValue: (row.submittedAt ?? row.createdAt).toISOString(),
      id: row.id,
    }));
  }
}
