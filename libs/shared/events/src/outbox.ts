import { EntityManager, MoreThan } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';

export interface NewOutboxEvent {
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Appends an event inside the caller's transaction. The advisory lock is held until commit, so
 * sequence numbers are assigned in commit order and a reader that has seen `seq = n` can never
 * later find a committed row with a smaller seq.
 */
export async function appendToOutbox(manager: EntityManager, event: NewOutboxEvent): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox must run inside the transaction that makes the change');
  }
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('outbox'))`);
  await manager.save(manager.create(OutboxEvent, event));
}

/** Reads the feed after a sequence number, oldest first. */
export function readOutbox(manager: EntityManager, afterSeq: string, limit: number): Promise<OutboxEvent[]> {
  return manager.find(OutboxEvent, { where: { seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit });
}
