import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@ttm/auth';
import { ConfigError } from '@ttm/config';
import { inTransaction } from '@ttm/database';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from '@ttm/demo';
import { DataSource } from 'typeorm';
import { normalizeEmail } from '../common/email';
import { isUniqueViolation } from '../common/unique-violation';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.constants';
import { OrganizationEntity, OrganizationType } from '../organizations/organization.entity';
import { SessionEndReason } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordHasher } from '../users/password-hasher';
import { passwordProblem } from '../users/password-policy';
import { OrganizationRole, UserEntity } from '../users/user.entity';

export const ADMIN_DISPLAY_NAME = '管理员';

/** The administrator's password must meet the same policy as everyone's; checked before anything starts. */
export function assertAdminPasswordAcceptable(password: string | undefined): void {
  const problem = password === undefined ? null : passwordProblem(password);
  if (problem) throw new ConfigError('ADMIN_PASSWORD', `a password of 8–128 characters with a letter and a digit (it ${problem})`, '<hidden>');
}

/**
 * Start-up data: the demo organisations and accounts into an empty database (SEED_DEMO), then the
 * administrator from ADMIN_EMAIL/ADMIN_PASSWORD. Runs before the service starts listening.
 */
@Injectable()
export class SeedingService implements OnApplicationBootstrap {
  private readonly logger = new Logger('IdentitySeeding');

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) await this.seedDemo();
    if (this.config.adminEmail && this.config.adminPassword) await this.ensureAdmin(this.config.adminEmail, this.config.adminPassword);
  }

  /** Inserts the demo data in one transaction, only while the users table is empty. */
  async seedDemo(): Promise<boolean> {
    if (DEMO_ACCOUNTS.length === 0 && DEMO_ORGANIZATIONS.length === 0) return false;
    if ((await this.dataSource.manager.count(UserEntity)) > 0) return false;
    // Hashed once for every account: argon2 is slow on purpose.
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const seeded = await inTransaction(this.dataSource, async (manager) => {
      // Replicas starting together: one seeds, the others then find users and skip.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('identity.seed-demo'))`);
      if ((await manager.count(UserEntity)) > 0) return false;
      const now = new Date();
      await manager.insert(
        OrganizationEntity,
        DEMO_ORGANIZATIONS.map((organization) => ({
          id: organization.id,
          name: organization.name,
          type: organization.type as OrganizationType,
          regionCode: organization.regionCode,
          creditCode: organization.creditCode.toUpperCase(),
          verifiedAt: organization.verified ? now : null,
          verifiedBy: null,
          createdBy: null,
        })),
      );
      const owners = new Map<string, string>();
      await manager.insert(
        UserEntity,
        DEMO_ACCOUNTS.map((account) => {
          let organizationRole: OrganizationRole | null = null;
          if (account.organizationId) {
            // The first account listed for an organisation owns it.
            organizationRole = owners.has(account.organizationId) ? OrganizationRole.MEMBER : OrganizationRole.OWNER;
            if (!owners.has(account.organizationId)) owners.set(account.organizationId, account.id);
          }
          return {
            id: account.id,
            email: normalizeEmail(account.email),
            passwordHash,
            displayName: account.displayName,
            roles: [account.role as Role],
            organizationId: account.organizationId,
            organizationRole,
          };
        }),
      );
      for (const [organizationId, ownerId] of owners) {
        await manager.update(OrganizationEntity, { id: organizationId }, { createdBy: ownerId });
      }
      return true;
    });
    if (seeded) this.logger.log(`demo data: ${DEMO_ORGANIZATIONS.length} organizations, ${DEMO_ACCOUNTS.length} accounts`);
    return seeded;
  }

  /** Creates the administrator, or resets its password (ending its sessions) and makes sure it is an ADMIN. */
  async ensureAdmin(rawEmail: string, password: string): Promise<UserEntity> {
    assertAdminPasswordAcceptable(password);
    const email = normalizeEmail(rawEmail);
    const repository = this.dataSource.getRepository(UserEntity);
    let admin = await repository.findOneBy({ email });
    if (!admin) {
      try {
        admin = await repository.save(
          repository.create({
            email,
            passwordHash: await this.hasher.hash(password),
            displayName: ADMIN_DISPLAY_NAME,
            roles: [Role.ADMIN],
            organizationId: null,
            organizationRole: null,
          }),
        );
        this.logger.log(`administrator ${email} created`);
        return admin;
      } catch (error) {
        // Another replica created it a moment ago: fall through to the update.
        if (!isUniqueViolation(error, 'users_email_key')) throw error;
        admin = await repository.findOneByOrFail({ email });
      }
    }
    const changes: Partial<UserEntity> = {};
    if (!admin.roles.includes(Role.ADMIN)) changes.roles = [...admin.roles, Role.ADMIN];
    const passwordChanged = !(await this.hasher.verify(admin.passwordHash, password));
    if (passwordChanged) changes.passwordHash = await this.hasher.hash(password);
    if (Object.keys(changes).length > 0) {
      await repository.update({ id: admin.id }, changes);
      if (passwordChanged) await this.sessions.endAllOf(admin.id, SessionEndReason.PASSWORD_CHANGED);
      this.logger.log(`administrator ${email} updated (${Object.keys(changes).join(', ')})`);
    }
    return { ...admin, ...changes };
  }
}
