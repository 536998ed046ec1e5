import { createAuditLogTable, dropAuditLogTable } from '@ttm/audit';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDENTITY_SCHEMA } from '../identity.constants';

/** identity.audit_log: role changes and organisation verifications. */
export class IdentityAuditLog1767830400000 implements MigrationInterface {
  name = 'IdentityAuditLog1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditLogTable(queryRunner, IDENTITY_SCHEMA);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditLogTable(queryRunner, IDENTITY_SCHEMA);
  }
}
