import { MigrationInterface, QueryRunner } from 'typeorm';
import { BROKERAGE_SCHEMA } from '../brokerage.constants';

/**
 * Matches (a broker's proposal and each side's answer), introductions, deals with their activity log,
 * registered technology contracts and broker ratings. Listing and user ids belong to other services:
 * they are stored as plain values, never as foreign keys.
 */
export class BrokerageSchema1767484800000 implements MigrationInterface {
  name = 'BrokerageSchema1767484800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT set_config('search_path', '${BROKERAGE_SCHEMA}', true)`);
    await queryRunner.query(`
      CREATE TABLE matches (
        id uuid PRIMARY KEY,
        broker_id text NOT NULL,
        note text NOT NULL,
        need_id uuid NOT NULL,
        need_owner_id text NOT NULL,
        need_anonymous boolean NOT NULL,
        need_published_at timestamptz(3) NOT NULL,
        counterpart_kind text NOT NULL CHECK (counterpart_kind IN ('RESULT', 'EXPERT')),
        counterpart_id uuid NOT NULL,
        counterpart_owner_id text NOT NULL,
        industry text NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED')),
        need_response text CHECK (need_response IN ('ACCEPTED', 'DECLINED')),
        need_responded_at timestamptz(3),
        need_decline_code text,
        need_decline_text text,
        counterpart_response text CHECK (counterpart_response IN ('ACCEPTED', 'DECLINED')),
        counterpart_responded_at timestamptz(3),
        counterpart_decline_code text,
        counterpart_decline_text text,
        proposed_at timestamptz(3) NOT NULL,
        accepted_at timestamptz(3),
        declined_at timestamptz(3),
        version int NOT NULL,
        CHECK (need_owner_id <> counterpart_owner_id),
        CHECK ((need_response IS NULL) = (need_responded_at IS NULL)),
        CHECK ((counterpart_response IS NULL) = (counterpart_responded_at IS NULL)),
        CHECK ((status = 'ACCEPTED') = (accepted_at IS NOT NULL)),
        CHECK ((status = 'DECLINED') = (declined_at IS NOT NULL)),
        CHECK (status <> 'ACCEPTED' OR (need_response = 'ACCEPTED' AND counterpart_response = 'ACCEPTED'))
      );
      -- One live proposal per pairing; after a decline the pair may be proposed again.
      CREATE UNIQUE INDEX matches_live_pair_idx ON matches (need_id, counterpart_id) WHERE status <> 'DECLINED';
      CREATE INDEX matches_broker_idx ON matches (broker_id, proposed_at DESC, id DESC);
      CREATE INDEX matches_need_owner_idx ON matches (need_owner_id, proposed_at DESC, id DESC);
      CREATE INDEX matches_counterpart_owner_idx ON matches (counterpart_owner_id, proposed_at DESC, id DESC);
      CREATE INDEX matches_need_idx ON matches (need_id, proposed_at);

      CREATE TABLE introductions (
        match_id uuid PRIMARY KEY REFERENCES matches (id),
        broker_id text NOT NULL,
        need_owner_id text NOT NULL,
        counterpart_owner_id text NOT NULL,
        introduced_at timestamptz(3) NOT NULL
      );
      CREATE INDEX introductions_broker_idx ON introductions (broker_id);

      CREATE TABLE deals (
        id uuid PRIMARY KEY,
        match_id uuid NOT NULL UNIQUE REFERENCES matches (id),
        broker_id text NOT NULL,
        need_owner_id text NOT NULL,
        counterpart_owner_id text NOT NULL,
        industry text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('NEGOTIATING', 'CONTRACT_SIGNED', 'COMPLETED', 'FAILED')),
        failure_reason text,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        signed_at timestamptz(3),
        closed_at timestamptz(3),
        version int NOT NULL,
        CHECK ((stage = 'FAILED') = (failure_reason IS NOT NULL)),
        CHECK (stage IN ('NEGOTIATING', 'CONTRACT_SIGNED') OR closed_at IS NOT NULL)
      );
      CREATE INDEX deals_broker_idx ON deals (broker_id, stage, updated_at DESC);
      CREATE INDEX deals_need_owner_idx ON deals (need_owner_id, updated_at DESC);
      CREATE INDEX deals_counterpart_owner_idx ON deals (counterpart_owner_id, updated_at DESC);

      CREATE TABLE deal_activities (
        id bigserial PRIMARY KEY,
        deal_id uuid NOT NULL REFERENCES deals (id),
        actor_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('OPENED', 'STAGE_CHANGED', 'CONTRACT_REGISTERED', 'BROKER_RATED')),
        from_stage text,
        to_stage text,
        detail text,
        at timestamptz(3) NOT NULL
      );
      CREATE INDEX deal_activities_deal_idx ON deal_activities (deal_id, id);

      CREATE TABLE contracts (
        id uuid PRIMARY KEY,
        deal_id uuid NOT NULL UNIQUE REFERENCES deals (id),
        type text NOT NULL CHECK (type IN ('DEVELOPMENT', 'TRANSFER', 'LICENCE', 'CONSULTING', 'SERVICE')),
        amount numeric(16, 2) NOT NULL CHECK (amount > 0),
        signed_on date NOT NULL,
        parties jsonb NOT NULL CHECK (jsonb_typeof(parties) = 'array' AND jsonb_array_length(parties) >= 2),
        registered_by text NOT NULL,
        registered_at timestamptz(3) NOT NULL
      );

      CREATE TABLE broker_ratings (
        id uuid PRIMARY KEY,
        deal_id uuid NOT NULL REFERENCES deals (id),
        broker_id text NOT NULL,
        rater_id text NOT NULL,
        stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
        comment text,
        created_at timestamptz(3) NOT NULL,
        UNIQUE (deal_id, rater_id)
      );
      CREATE INDEX broker_ratings_broker_idx ON broker_ratings (broker_id, created_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT set_config('search_path', '${BROKERAGE_SCHEMA}', true)`);
    await queryRunner.query(
      'DROP TABLE broker_ratings; DROP TABLE contracts; DROP TABLE deal_activities; DROP TABLE deals; DROP TABLE introductions; DROP TABLE matches;',
    );
  }
}
