import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, Role } from '@ttm/auth';
import { inTransaction } from '@ttm/database';
import { Connection, DEFAULT_PAGE_SIZE, toConnection } from '@ttm/graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import { normalizeEmail } from '../common/email';
import { pagePosition } from '../common/page-position';
import { isUniqueViolation } from '../common/unique-violation';
import { isUuid } from '../common/uuid';
import { SessionsService } from '../sessions/sessions.service';
import { assertRoleChangeAllowed, lockRoleChanges } from './administrators';
import { recordRoleChange, sameRoles } from './role-change-audit';
import { UserEntity } from './user.entity';
import { cannotDropOwnAdminRole, emailTaken, userNotFound } from './users.errors';
import { UsersArgs } from './users.inputs';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  roles: Role[];
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  private repository(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.repository(manager).findOneBy({ id });
  }

  /** The users among these ids (uuids), in no particular order; unknown ids are left out. */
  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.repository().findBy({ id: In([...new Set(ids.filter(isUuid))]) });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repository(manager).findOneBy({ email: normalizeEmail(email) });
  }

  /** Whether the address has an account: a yes or no, the same work either way (no row is loaded). */
  isRegistered(email: string): Promise<boolean> {
    return this.repository().existsBy({ email: normalizeEmail(email) });
  }

  async getById(id: string, manager?: EntityManager): Promise<UserEntity> {
    const user = await this.findById(id, manager);
    if (!user) throw userNotFound(id);
    return user;
  }

  /** Inserts an account; a taken email is a CONFLICT, also when two registrations race. */
  async create(input: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const email = normalizeEmail(input.email);
    const repository = this.repository(manager);
    if (await repository.existsBy({ email })) throw emailTaken(email);
    try {
      return await repository.save(repository.create({ ...input, email, organizationId: null, organizationRole: null }));
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken(email);
      throw error;
    }
  }

  async list(args: UsersArgs): Promise<Connection<UserEntity>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const query = this.repository().createQueryBuilder('u');
    if (args.role) query.where(':role = ANY(u.roles)', { role: args.role });
    const totalCount = await query.getCount();
    if (args.after) {
      const { at, id } = pagePosition(args.after);
      query.andWhere('(u.created_at, u.id) < (:at, :id)', { at, id });
    }
    const rows = await query.orderBy('u.createdAt', 'DESC').addOrderBy('u.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }));
  }

  async setRoles(admin: AuthUser, userId: string, roles: Role[]): Promise<UserEntity> {
    if (admin.id === userId && !roles.includes(Role.ADMIN)) throw cannotDropOwnAdminRole();
    return inTransaction(this.dataSource, async (manager) => {
      await lockRoleChanges(manager);
      const user = await this.getById(userId, manager);
      await assertRoleChangeAllowed(manager, admin, user, roles);
      const before = [...user.roles];
      if (sameRoles(before, roles)) return user;
      user.roles = [...roles];
      const saved = await this.repository(manager).save(user);
      await recordRoleChange(manager, admin, saved, before);
      // Access tokens carrying the old roles are refused from this commit on, in every service.
      await this.sessions.cutOffAccessTokens(userId, manager);
      return saved;
    });
  }

  async setPasswordHash(id: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    await this.repository(manager).update({ id }, { passwordHash });
  }
}
