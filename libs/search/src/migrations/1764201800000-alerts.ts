import { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerts1764201800000 implements MigrationInterface {
  name = 'Alerts1764201800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL search_path TO search`);
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MATCHING_LISTING', 'SAVED_SEARCH', 'FOLLOWED_INDUSTRY')),
        listing_id text NOT NULL,
        listing_kind text NOT NULL,
        matched_listing_id text,
        matched_listing_kind text,
        saved_search_id uuid,
        title text NOT NULL,
        message text NOT NULL,
        score real,
        reasons text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3),
        -- One alert per person per new listing: a replayed feed page cannot add a second one.
        CONSTRAINT notifications_recipient_listing_key UNIQUE (recipient_id, listing_id)
      )
    `);
    await queryRunner.query(`CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE saved_searches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL,
        name text NOT NULL,
        query text,
        kinds text[] NOT NULL DEFAULT '{}',
        filters jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE INDEX saved_searches_user_idx ON saved_searches (user_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE industry_follows (
        user_id text NOT NULL,
        industry text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, industry)
      )
    `);
    await queryRunner.query(`CREATE INDEX industry_follows_industry_idx ON industry_follows (industry)`);
    await queryRunner.query(`
      CREATE TABLE alert_checkpoints (
        name text PRIMARY KEY,
        seq bigint NOT NULL,
        -- Listings first published before this are history, never alerted about.
        started_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`
      CREATE TABLE alerted_listings (
        listing_id text PRIMARY KEY,
        alerted_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE search.alerted_listings, search.alert_checkpoints, search.industry_follows, search.saved_searches, search.notifications`);
  }
}
