import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ttm/auth';
import type { ListingKind } from '@ttm/events';
import { badInput, notFound } from '@ttm/errors';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, PageArgs, toConnection } from '@ttm/graphql';
import { DataSource, IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';
import { Notification } from './notification.model';


/** The signed-in user's inbox; nobody reads or marks another user's notifications. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(NotificationEntity);
  }

  /** Newest first. */
  async list(user: AuthUser, page: PageArgs, unreadOnly: boolean): Promise<Connection<Notification>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const qb = this.repository.createQueryBuilder('notification').where('notification.recipientId = :me', { me: user.id });
    if (unreadOnly) qb.andWhere('notification.readAt IS NULL');
    const totalCount = await qb.clone().getCount();
    if (page.after) {
      const cursor = decodeCursor(page.after);
      const time = new Date(String(cursor.sortValue));
      if (typeof cursor.sortValue !== 'string' || Number.isNaN(time.getTime()) || !isUUID(cursor.id)) {
        throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged');
      }
      qb.andWhere('(notification.createdAt, notification.id) < (:cursorTime, :cursorId)', { cursorTime: time, cursorId: cursor.id });
    }
    const rows = await qb.orderBy('notification.createdAt', 'DESC').addOrderBy('notification.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows.map(present), first, totalCount, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }));
  }

  unreadCount(user: AuthUser): Promise<number> {
    return this.repository.countBy({ recipientId: user.id, readAt: IsNull() });
  }

  /** Marks one of the user's notifications read (idempotent); another user's is NOT_FOUND, like one that does not exist. */
  async markRead(user: AuthUser, id: string): Promise<Notification> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await manager.findOne(NotificationEntity, { where: { id, recipientId: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!notification) throw notFound('Notification', id);
      if (!notification.readAt) {
        notification.readAt = new Date();
        await manager.save(notification);
      }
      return present(notification);
    });
  }

  /** Returns how many were unread. */
  async markAllRead(user: AuthUser): Promise<number> {
    const { affected } = await this.repository.update({ recipientId: user.id, readAt: IsNull() }, { readAt: () => 'now()' });
    return affected ?? 0;
  }
}

function present(entity: NotificationEntity): Notification {
  return {
    id: entity.id,
    kind: entity.kind,
    title: entity.title,
    message: entity.message,
    listingId: entity.listingId,
    listingKind: entity.listingKind as ListingKind,
    listing: { id: entity.listingId, kind: entity.listingKind as ListingKind },
    matchedListing: entity.matchedListingId && entity.matchedListingKind ? { id: entity.matchedListingId, kind: entity.matchedListingKind as ListingKind } : null,
    savedSearchId: entity.savedSearchId,
    score: entity.score,
    reasons: entity.reasons,
    createdAt: entity.createdAt,
    readAt: entity.readAt,
  };
}
