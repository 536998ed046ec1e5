import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDENTITY_SCHEMA } from '../identity.constants';

/**
 * Sessions are the truth for access tokens: one row per sign-in (the refresh-token family, whose id
 * access tokens carry as `sid`), ended by logout, a password change, an administrator or a replayed
 * refresh token; and a per-user token version (`ver` in access tokens) that a role change raises.
 * Existing refresh-token families become sessions, revoked if any of their tokens was revoked for a
 * reason other than rotation (a start-up reset of the administrator's password, PASSWORD_RESET, is a
 * password change).
 */
export class Sessions1796284800000 implements MigrationInterface {
  name = 'Sessions1796284800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!queryRunner.isTransactionActive) throw new Error('identity migrations must run inside a transaction');
    await queryRunner.query(`SET LOCAL search_path TO ${IDENTITY_SCHEMA}`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_used_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        revoke_reason text CHECK (revoke_reason IN ('LOGOUT', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'SIGNED_OUT_BY_ADMIN')),
        CONSTRAINT sessions_revocation_check CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX sessions_active_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    // The revocation list reads the sessions ended in the last minutes, every second.
    await queryRunner.query(`CREATE INDEX sessions_revoked_at_idx ON sessions (revoked_at) WHERE revoked_at IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO sessions (id, user_id, created_at, last_used_at, revoked_at, revoke_reason)
      SELECT family_id,
             (array_agg(user_id))[1],
             min(created_at),
             max(created_at),
             max(revoked_at) FILTER (WHERE revoke_reason <> 'ROTATED'),
             (array_agg(CASE revoke_reason WHEN 'PASSWORD_RESET' THEN 'PASSWORD_CHANGED' ELSE revoke_reason END ORDER BY revoked_at DESC)
               FILTER (WHERE revoke_reason <> 'ROTATED'))[1]
      FROM refresh_tokens
      GROUP BY family_id`);
    await queryRunner.query(`
      ALTER TABLE refresh_tokens
        ADD CONSTRAINT refresh_tokens_family_fkey FOREIGN KEY (family_id) REFERENCES sessions (id) ON DELETE CASCADE`);

    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN token_version integer NOT NULL DEFAULT 1 CHECK (token_version >= 1),
        ADD COLUMN token_version_changed_at timestamptz(3)`);
    await queryRunner.query(`CREATE INDEX users_token_version_changed_idx ON users (token_version_changed_at) WHERE token_version_changed_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!queryRunner.isTransactionActive) throw new Error('identity migrations must run inside a transaction');
    await queryRunner.query(`SET LOCAL search_path TO ${IDENTITY_SCHEMA}`);
    await queryRunner.query(`DROP INDEX users_token_version_changed_idx`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN token_version_changed_at, DROP COLUMN token_version`);
    await queryRunner.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_family_fkey`);
    await queryRunner.query(`DROP TABLE sessions`);
  }
}
