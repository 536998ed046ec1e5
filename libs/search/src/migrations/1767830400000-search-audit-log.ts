import { createAuditLogTable, dropAuditLogTable } from '@ttm/audit';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** search.audit_log: synonym group edits. */
export class SearchAuditLog1767830400000 implements MigrationInterface {
  name = 'SearchAuditLog1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditLogTable(queryRunner, 'search');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditLogTable(queryRunner, 'search');
  }
}
