import { AuthUser, Role } from '@ttm/auth';
import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';
import { lastAdministrator, noLongerAdministrator } from './users.errors';

/** The name of the PostgreSQL transaction lock that every change of roles holds until it commits. */
export const ROLE_CHANGES_LOCK = 'identity.role_changes';

/**
 * Serialises role changes (pg_advisory_xact_lock, released at commit or rollback): when two
 * administrators demote each other at the same moment, the second runs after the first committed
 * and counts the administrators the first one left, so the platform never ends up with none.
 */
export async function lockRoleChanges(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ROLE_CHANGES_LOCK]);
}

function countAdministrators(manager: EntityManager): Promise<number> {
  return manager.getRepository(UserEntity).createQueryBuilder('u').where(':role = ANY(u.roles)', { role: Role.ADMIN }).getCount();
}

/**
 * The rules of a role change, checked under `lockRoleChanges` against the accounts as they are now:
 * ADMIN is never taken from the last administrator (CONFLICT), and the caller must still be an
 * administrator (FORBIDDEN), whatever the access token it signed in with says.
 */
export async function assertRoleChangeAllowed(manager: EntityManager, actor: AuthUser, target: UserEntity, roles: readonly Role[]): Promise<void> {
  if (target.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN) && (await countAdministrators(manager)) <= 1) {
    throw lastAdministrator(target.displayName);
  }
  const current = await manager.findOneBy(UserEntity, { id: actor.id });
  if (!current?.roles.includes(Role.ADMIN)) throw noLongerAdministrator();
}
