import { QueryRunner } from 'typeorm';

function qualified(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  return `${schema}.audit_log`;
}

/**
 * Creates `<schema>.audit_log` (the table AuditEntryEntity maps), for a service's migration.
 * The indexes serve the newest-first page, alone or filtered by action, actor or target.
 */
export async function createAuditLogTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  const table = qualified(schema);
  await queryRunner.query(`
    CREATE TABLE ${table} (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz(3) NOT NULL DEFAULT now(),
      actor_id uuid,
      action text NOT NULL CHECK (action ~ '^[A-Z][A-Z_]*$'),
      target_type text NOT NULL CHECK (target_type ~ '^[A-Z][A-Z_]*$'),
      target_id text NOT NULL CHECK (char_length(target_id) BETWEEN 1 AND 200),
      target_label text,
      before jsonb CHECK (before IS NULL OR jsonb_typeof(before) = 'object'),
      after jsonb CHECK (after IS NULL OR jsonb_typeof(after) = 'object'),
      reason text
    )`);
  await queryRunner.query(`CREATE INDEX audit_log_at_idx ON ${table} (at DESC, id DESC)`);
  await queryRunner.query(`CREATE INDEX audit_log_action_idx ON ${table} (action, at DESC, id DESC)`);
  await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON ${table} (actor_id, at DESC, id DESC)`);
  await queryRunner.query(`CREATE INDEX audit_log_target_idx ON ${table} (target_id, at DESC, id DESC)`);
}

export async function dropAuditLogTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE ${qualified(schema)}`);
}
