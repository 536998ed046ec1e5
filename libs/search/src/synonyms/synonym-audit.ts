import { AuditAction, AuditTargetType, recordAudit } from '@ttm/audit';
import { AuthUser } from '@ttm/auth';
import { EntityManager } from 'typeorm';

/** The audit entry of a synonym group edit, in its transaction: the terms before and after (null when there were none). */
export function recordSynonymEdit(
  manager: EntityManager,
  admin: AuthUser,
  action: AuditAction,
  groupId: string,
  before: readonly string[] | null,
  after: readonly string[] | null,
): Promise<void> {
  return recordAudit(manager, {
    actorId: admin.id,
    action,
    targetType: AuditTargetType.SYNONYM_GROUP,
    targetId: groupId,
    targetLabel: (after ?? before ?? []).join('、'),
    before: before ? { terms: [...before] } : null,
    after: after ? { terms: [...after] } : null,
  });
}
