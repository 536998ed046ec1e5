import { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditPage, AuditQuery, AuditRecord } from './audit-page';
import { AuditAction, AuditTargetType } from './audit-vocabulary';

export function toAuditRecord(entry: AuditEntryEntity): AuditRecord {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action as AuditAction,
    targetType: entry.targetType as AuditTargetType,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
  };
}

/** A page of this service's own log (the schema of `manager`'s data source), newest first. */
export async function readAuditPage(manager: EntityManager, query: AuditQuery): Promise<AuditPage> {
  const builder = manager.createQueryBuilder(AuditEntryEntity, 'entry');
  if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
  if (query.actorId) builder.andWhere('entry.actorId = :actorId', { actorId: query.actorId });
  if (query.targetId) builder.andWhere('entry.targetId = :targetId', { targetId: query.targetId });
  const totalCount = await builder.clone().getCount();
  if (query.after) builder.andWhere('(entry.at, entry.id) < (:afterAt, :afterId)', { afterAt: query.after.at, afterId: query.after.id });
  const rows = await builder.orderBy('entry.at', 'DESC').addOrderBy('entry.id', 'DESC').limit(query.first + 1).getMany();
  return { entries: rows.slice(0, query.first).map(toAuditRecord), hasMore: rows.length > query.first, totalCount };
}
