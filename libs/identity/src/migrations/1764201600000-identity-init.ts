import { OUTBOX_TABLE_SQL } from '@ttm/events';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDENTITY_SCHEMA } from '../identity.constants';

/** Unqualified names below (and in OUTBOX_TABLE_SQL) resolve to the identity schema, for this migration's transaction only. */
async function useIdentitySchema(queryRunner: QueryRunner): Promise<void> {
  if (!queryRunner.isTransactionActive) throw new Error('identity migrations must run inside a transaction');
  await queryRunner.query(`SET LOCAL search_path TO ${IDENTITY_SCHEMA}`);
}

export class IdentityInit1764201600000 implements MigrationInterface {
  name = 'IdentityInit1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await useIdentitySchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        type text NOT NULL CHECK (type IN ('ENTERPRISE', 'UNIVERSITY', 'INSTITUTE', 'BROKER_AGENCY')),
        region_code text NOT NULL,
        credit_code text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        verified_at timestamptz(3),
        verified_by uuid,
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organizations_credit_code_key ON organizations (credit_code)`);
    await queryRunner.query(`CREATE INDEX organizations_created_at_idx ON organizations (created_at DESC, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        password_hash text NOT NULL,
        display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 50),
        roles text[] NOT NULL CHECK (
          cardinality(roles) >= 1 AND roles <@ ARRAY['ENTERPRISE', 'RESEARCHER', 'BROKER', 'ADMIN']::text[]
        ),
        organization_id uuid REFERENCES organizations (id) ON DELETE SET NULL,
        organization_role text CHECK (organization_role IN ('OWNER', 'MEMBER')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT users_membership_check CHECK ((organization_id IS NULL) = (organization_role IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await queryRunner.query(`CREATE INDEX users_organization_idx ON users (organization_id)`);
    await queryRunner.query(`CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX users_roles_idx ON users USING gin (roles)`);
    await queryRunner.query(`
      ALTER TABLE organizations
        ADD CONSTRAINT organizations_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT organizations_verified_by_fkey FOREIGN KEY (verified_by) REFERENCES users (id) ON DELETE SET NULL`);

    // Only the SHA-256 of a refresh token is stored; rows of one login share a family.
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        revoke_reason text CHECK (revoke_reason IN ('ROTATED', 'LOGOUT', 'REUSE_DETECTED', 'PASSWORD_RESET')),
        replaced_by_id uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
        CONSTRAINT refresh_tokens_revocation_check CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash)`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_active_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    // The layout rate-limiter-flexible's PostgreSQL store expects (created here so the service needs no DDL rights).
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    await queryRunner.query(OUTBOX_TABLE_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await useIdentitySchema(queryRunner);
    await queryRunner.query(`DROP TABLE outbox`);
    await queryRunner.query(`DROP TABLE login_throttle`);
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_created_by_fkey, DROP CONSTRAINT organizations_verified_by_fkey`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE organizations`);
  }
}
