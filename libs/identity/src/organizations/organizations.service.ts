import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditTargetType, recordAudit } from '@ttm/audit';
import { AuthUser, isAdmin } from '@ttm/auth';
import { inTransaction } from '@ttm/database';
import { unauthenticated } from '@ttm/errors';
import { Connection, DEFAULT_PAGE_SIZE, toConnection } from '@ttm/graphql';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { pagePosition } from '../common/page-position';
import { isUniqueViolation } from '../common/unique-violation';
import { isUuid } from '../common/uuid';
import { OrganizationRole, UserEntity } from '../users/user.entity';
import { OrganizationEntity } from './organization.entity';
import {
  accountNotFoundForEmail,
  alreadyInOrganization,
  creditCodeTaken,
  notOrganizationOwner,
  organizationNotFound,
} from './organizations.errors';
import { AddOrganizationMemberArgs, CreateOrganizationInput, OrganizationsArgs } from './organizations.inputs';

/** What an audit entry shows of an organisation's verification. */
const verificationSnapshot = (organization: OrganizationEntity) => ({
  verified: organization.verifiedAt !== null,
  verifiedAt: organization.verifiedAt?.toISOString() ?? null,
});

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity> {
    const organization = isUuid(id) ? await manager.findOneBy(OrganizationEntity, { id }) : null;
    if (!organization) throw organizationNotFound(id);
    return organization;
  }

  /** The creator becomes the organisation's OWNER; an account belongs to one organisation at most. */
  async create(creator: AuthUser, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const user = await manager.findOne(UserEntity, { where: { id: creator.id }, lock: { mode: 'pessimistic_write' } });
        if (!user) throw unauthenticated('Your account no longer exists: sign in again');
        if (user.organizationId) throw alreadyInOrganization('You');
        if (await manager.existsBy(OrganizationEntity, { creditCode: input.creditCode })) throw creditCodeTaken(input.creditCode);
        const organization = await manager.save(
          manager.create(OrganizationEntity, { ...input, verifiedAt: null, verifiedBy: null, createdBy: user.id }),
        );
        await manager.update(UserEntity, { id: user.id }, { organizationId: organization.id, organizationRole: OrganizationRole.OWNER });
        return organization;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organizations_credit_code_key')) throw creditCodeTaken(input.creditCode);
      throw error;
    }
  }

  async addMember(caller: AuthUser, args: AddOrganizationMemberArgs): Promise<OrganizationEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const organization = await this.getById(args.organizationId, manager);
      if (!isAdmin(caller)) {
        const owner = await manager.existsBy(UserEntity, {
          id: caller.id,
          organizationId: organization.id,
          organizationRole: OrganizationRole.OWNER,
        });
        if (!owner) throw notOrganizationOwner();
      }
      const member = await manager.findOne(UserEntity, { where: { email: args.email }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw accountNotFoundForEmail(args.email);
      if (member.organizationId) throw alreadyInOrganization(args.email);
      await manager.update(UserEntity, { id: member.id }, { organizationId: organization.id, organizationRole: OrganizationRole.MEMBER });
      return organization;
    });
  }

  /** Verifies or withdraws the verification, with its audit entry; nothing happens (and nothing is logged) when it already is so. */
  async setVerified(admin: AuthUser, id: string, verified: boolean): Promise<OrganizationEntity> {
    if (!isUuid(id)) throw organizationNotFound(id);
    return inTransaction(this.dataSource, async (manager) => {
      const organization = await manager.findOne(OrganizationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw organizationNotFound(id);
      if (verified === (organization.verifiedAt !== null)) return organization;
      const before = verificationSnapshot(organization);
      organization.verifiedAt = verified ? new Date() : null;
      organization.verifiedBy = verified ? admin.id : null;
      const saved = await manager.save(organization);
      await recordAudit(manager, {
        actorId: admin.id,
        action: verified ? AuditAction.ORGANIZATION_VERIFIED : AuditAction.ORGANIZATION_UNVERIFIED,
        targetType: AuditTargetType.ORGANIZATION,
        targetId: saved.id,
        targetLabel: saved.name,
        before,
        after: verificationSnapshot(saved),
      });
      return saved;
    });
  }

  async list(args: OrganizationsArgs): Promise<Connection<OrganizationEntity>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource.manager.createQueryBuilder(OrganizationEntity, 'o');
    if (args.verified !== undefined && args.verified !== null) {
      query.where({ verifiedAt: args.verified ? Not(IsNull()) : IsNull() });
    }
    const totalCount = await query.getCount();
    if (args.after) {
      const { at, id } = pagePosition(args.after);
      query.andWhere('(o.created_at, o.id) < (:at, :id)', { at, id });
    }
    const rows = await query.orderBy('o.createdAt', 'DESC').addOrderBy('o.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }));
  }
}
