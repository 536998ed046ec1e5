import { EntityManager } from 'typeorm';
import { AuditEntryEntity, AuditSnapshot } from './audit-entry.entity';
import { AuditAction, AuditTargetType } from './audit-vocabulary';

export interface NewAuditEntry {
  /** The signed-in user who made the change; null for the system. */
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  targetLabel?: string | null;
  /** The touched fields before the change; null when the target did not exist yet. */
  before?: AuditSnapshot | null;
  /** The touched fields after the change; null when the target is gone. */
  after?: AuditSnapshot | null;
  /** The reason the actor gave, where there is one (a rejection, a take-down). */
  reason?: string | null;
}

/**
 * Writes an audit entry inside the transaction that makes the change, so the entry and the change
 * commit together or not at all. `manager` must belong to that transaction.
 */
export async function recordAudit(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('recordAudit must run inside the transaction that makes the change');
  }
  const row = manager.create(AuditEntryEntity, {
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
  await manager.save(row);
}
