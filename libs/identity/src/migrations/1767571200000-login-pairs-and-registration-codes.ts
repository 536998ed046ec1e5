import { MigrationInterface, QueryRunner } from 'typeorm';
import { IDENTITY_SCHEMA } from '../identity.constants';

/**
 * Login throttling now counts per (email, client address) pair and per client address (new key prefixes in
 * the same login_throttle table): the per-email counts are dropped, they would otherwise lock accounts for
 * everyone until they expire. Registration proves the mailbox with an e-mailed code (registration_codes),
 * and code requests are rate-limited in a table of rate-limiter-flexible's layout.
 */
export class LoginPairsAndRegistrationCodes1767571200000 implements MigrationInterface {
  name = 'LoginPairsAndRegistrationCodes1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM ${IDENTITY_SCHEMA}.login_throttle WHERE key LIKE 'login-email:%'`);
    await queryRunner.query(`
      CREATE TABLE ${IDENTITY_SCHEMA}.registration_codes (
        email_hash text PRIMARY KEY CHECK (email_hash ~ '^[0-9a-f]{64}$'),
        code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        expires_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX registration_codes_expires_at_idx ON ${IDENTITY_SCHEMA}.registration_codes (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE ${IDENTITY_SCHEMA}.registration_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${IDENTITY_SCHEMA}.registration_throttle`);
    await queryRunner.query(`DROP TABLE ${IDENTITY_SCHEMA}.registration_codes`);
  }
}
