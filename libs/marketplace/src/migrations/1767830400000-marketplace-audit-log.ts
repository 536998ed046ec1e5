import { createAuditLogTable, dropAuditLogTable } from '@ttm/audit';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { MARKETPLACE_SCHEMA } from '../marketplace.constants';

/** marketplace.audit_log: approvals, rejections and take-downs of listings and challenges. */
export class MarketplaceAuditLog1767830400000 implements MigrationInterface {
  name = 'MarketplaceAuditLog1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditLogTable(queryRunner, MARKETPLACE_SCHEMA);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditLogTable(queryRunner, MARKETPLACE_SCHEMA);
  }
}
