import { OUTBOX_TABLE_SQL } from '@ttm/events';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { MARKETPLACE_SCHEMA } from '../marketplace.constants';

const STATUSES = `'DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'CLOSED'`;
const IP_TYPES = `'INVENTION_PATENT', 'UTILITY_MODEL', 'DESIGN_PATENT', 'SOFTWARE_COPYRIGHT', 'KNOW_HOW', 'OTHER'`;

/** Columns and indexes every listing table has (lifecycle, owner, classification, contact). */
const listingColumns = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id text NOT NULL,
  industry text NOT NULL,
  region_code text NOT NULL,
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  contact_email text NOT NULL,
  status text NOT NULL CHECK (status IN (${STATUSES})),
  rejection_reason text,
  version int NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  submitted_at timestamptz(3),
  published_at timestamptz(3),
  CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)`;

const catalogColumns = `
  title text NOT NULL,
  description text NOT NULL,
  keywords text[] NOT NULL CHECK (cardinality(keywords) BETWEEN 1 AND 10),
  cooperation_modes text[] NOT NULL CHECK (cardinality(cooperation_modes) >= 1),
  organization_name text`;

/** Keyset orders and list filters shared by every kind. */
function listingIndexes(table: string): string {
  return `
    CREATE INDEX ${table}_published_idx ON ${table} (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
    CREATE INDEX ${table}_owner_idx ON ${table} (owner_id, created_at DESC, id DESC);
    CREATE INDEX ${table}_status_idx ON ${table} (status, created_at DESC, id DESC);
    CREATE INDEX ${table}_review_idx ON ${table} (submitted_at, id) WHERE status = 'PENDING_REVIEW';
    CREATE INDEX ${table}_industry_idx ON ${table} (industry);
    CREATE INDEX ${table}_region_idx ON ${table} (region_code text_pattern_ops);`;
}

export class InitialMarketplaceSchema1767225600000 implements MigrationInterface {
  name = 'InitialMarketplaceSchema1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified names below (and in OUTBOX_TABLE_SQL) land in this service's schema.
    await queryRunner.query(`SELECT set_config('search_path', '${MARKETPLACE_SCHEMA}', true)`);
    await queryRunner.query(OUTBOX_TABLE_SQL);
    await queryRunner.query(`
      CREATE TABLE needs (${listingColumns},${catalogColumns},
        budget_min int CHECK (budget_min >= 0),
        budget_max int CHECK (budget_max >= 0),
        deadline date,
        min_trl smallint CHECK (min_trl BETWEEN 1 AND 9),
        anonymous boolean NOT NULL DEFAULT false,
        CHECK (budget_min IS NULL OR budget_max IS NULL OR budget_min <= budget_max)
      );
      ${listingIndexes('needs')}
      CREATE INDEX needs_cooperation_modes_idx ON needs USING gin (cooperation_modes);
      CREATE INDEX needs_budget_idx ON needs (budget_max, budget_min);

      CREATE TABLE results (${listingColumns},${catalogColumns},
        trl smallint NOT NULL CHECK (trl BETWEEN 1 AND 9),
        ip_type text NOT NULL CHECK (ip_type IN (${IP_TYPES})),
        patent_numbers text[] NOT NULL DEFAULT '{}',
        asking_price int CHECK (asking_price >= 0),
        open_license boolean NOT NULL DEFAULT false,
        open_license_terms text,
        CHECK (NOT open_license OR open_license_terms IS NOT NULL)
      );
      ${listingIndexes('results')}
      CREATE INDEX results_cooperation_modes_idx ON results USING gin (cooperation_modes);
      CREATE INDEX results_trl_idx ON results (trl);
      CREATE INDEX results_asking_price_idx ON results (asking_price);
      CREATE INDEX results_open_license_idx ON results (open_license);

      CREATE TABLE experts (${listingColumns},
        name text NOT NULL,
        institution text NOT NULL,
        title text NOT NULL,
        fields text[] NOT NULL CHECK (cardinality(fields) BETWEEN 1 AND 10),
        bio text NOT NULL
      );
      ${listingIndexes('experts')}
      CREATE UNIQUE INDEX experts_one_per_owner_idx ON experts (owner_id) WHERE status <> 'CLOSED';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT set_config('search_path', '${MARKETPLACE_SCHEMA}', true)`);
    await queryRunner.query(`DROP TABLE experts; DROP TABLE results; DROP TABLE needs; DROP TABLE outbox;`);
  }
}
