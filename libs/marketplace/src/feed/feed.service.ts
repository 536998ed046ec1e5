import { Injectable } from '@nestjs/common';
import { FeedEvent, FeedPage, ListingEventType, ListingRemovedPayload, ListingUpsertedPayload, OutboxEvent, readOutbox, SnapshotPage } from '@ttm/events';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { AnyListingEntity, LISTING_ENTITIES, MARKETPLACE_KINDS } from '../listing/listing-kinds';
import { toListingDocument } from '../listing/listing-document';
import { ListingStatus } from '../listing/listing-status';

async function readHeadSeq(manager: EntityManager): Promise<string> {
  const row = await manager
    .getRepository(OutboxEvent)
    .createQueryBuilder('outbox')
    .select('COALESCE(MAX(outbox.seq), 0)::text', 'head')
    .getRawOne<{ head: string }>();
  return row?.head ?? '0';
}

function toFeedEvent(row: OutboxEvent): FeedEvent {
  return {
    seq: row.seq,
    type: row.type as ListingEventType,
    aggregateId: row.aggregateId,
    aggregateVersion: row.aggregateVersion,
    payload: row.payload as unknown as ListingUpsertedPayload | ListingRemovedPayload,
  };
}

/** What the search service reads instead of our tables: the outbox feed and a snapshot of everything public. */
@Injectable()
export class FeedService {
  constructor(private readonly dataSource: DataSource) {}

  /** Outbox events after `after`, oldest first. */
  feed(after: string, limit: number): Promise<FeedPage> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const headSeq = await readHeadSeq(manager);
      const events = (await readOutbox(manager, after, limit)).map(toFeedEvent);
      return { events, headSeq };
    });
  }

  /**
   * Every PUBLISHED listing of every kind, ordered by id, in pages. `headSeq` is read first in the
   * same REPEATABLE READ transaction, so the page reflects exactly the outbox up to it.
   */
  snapshot(after: string | null, limit: number): Promise<SnapshotPage> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const headSeq = await readHeadSeq(manager);
      const rows: AnyListingEntity[] = [];
      for (const kind of MARKETPLACE_KINDS) {
        const found = await manager.getRepository<AnyListingEntity>(LISTING_ENTITIES[kind]).find({
          where: after ? { status: ListingStatus.PUBLISHED, id: MoreThan(after) } : { status: ListingStatus.PUBLISHED },
          order: { id: 'ASC' },
          take: limit + 1,
        });
        rows.push(...found);
      }
      rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const page = rows.slice(0, limit);
      return {
        documents: page.map(toListingDocument),
        nextAfter: rows.length > limit ? page[page.length - 1].id : null,
        headSeq,
      };
    });
  }
}
