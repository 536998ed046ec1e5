import { AuditAction, AuditTargetType, recordAudit } from '@ttm/audit';
import { AuthUser, Role } from '@ttm/auth';
import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** The same set of roles, in any order. */
export const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => a.length === b.length && a.every((role) => b.includes(role));

/** The audit entry of a role change, inside its transaction. */
export function recordRoleChange(manager: EntityManager, admin: AuthUser, user: UserEntity, before: readonly Role[]): Promise<void> {
  return recordAudit(manager, {
    actorId: admin.id,
    action: AuditAction.USER_ROLES_CHANGED,
    targetType: AuditTargetType.USER,
    targetId: user.id,
    targetLabel: user.displayName,
    before: { roles: [...before] },
    after: { roles: [...user.roles] },
  });
}
