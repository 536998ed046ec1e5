import { MigrationInterface, QueryRunner } from 'typeorm';
import { MARKETPLACE_SCHEMA } from '../marketplace.constants';

/** 揭榜挂帅: challenges (a listing kind), applications, reviewers' score sheets, milestones. */
export class Challenges1767312000000 implements MigrationInterface {
  name = 'Challenges1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT set_config('search_path', '${MARKETPLACE_SCHEMA}', true)`);
    await queryRunner.query(`
      CREATE TABLE challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id text NOT NULL,
        industry text NOT NULL,
        region_code text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        contact_email text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'CLOSED')),
        rejection_reason text,
        version int NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        submitted_at timestamptz(3),
        published_at timestamptz(3),
        title text NOT NULL,
        description text NOT NULL,
        keywords text[] NOT NULL CHECK (cardinality(keywords) BETWEEN 1 AND 10),
        organization_name text,
        indicators jsonb NOT NULL CHECK (jsonb_typeof(indicators) = 'array' AND jsonb_array_length(indicators) BETWEEN 1 AND 10),
        bounty int NOT NULL CHECK (bounty > 0),
        eligibility text NOT NULL,
        application_opens_at timestamptz(3) NOT NULL,
        application_closes_at timestamptz(3) NOT NULL,
        delivery_months smallint NOT NULL CHECK (delivery_months BETWEEN 1 AND 60),
        allows_multiple_winners boolean NOT NULL,
        max_winners smallint NOT NULL CHECK (max_winners BETWEEN 1 AND 10),
        stage text NOT NULL DEFAULT 'OPEN' CHECK (stage IN ('OPEN', 'AWARDED', 'COMPLETED', 'CANCELLED')),
        CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL),
        CHECK (application_opens_at < application_closes_at),
        CHECK (allows_multiple_winners OR max_winners = 1)
      );
      CREATE INDEX challenges_published_idx ON challenges (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
      CREATE INDEX challenges_owner_idx ON challenges (owner_id, created_at DESC, id DESC);
      CREATE INDEX challenges_status_idx ON challenges (status, created_at DESC, id DESC);
      CREATE INDEX challenges_review_idx ON challenges (submitted_at, id) WHERE status = 'PENDING_REVIEW';
      CREATE INDEX challenges_industry_idx ON challenges (industry);
      CREATE INDEX challenges_region_idx ON challenges (region_code text_pattern_ops);
      CREATE INDEX challenges_closes_idx ON challenges (application_closes_at);

      CREATE TABLE challenge_applications (
        id uuid PRIMARY KEY,
        challenge_id uuid NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
        applicant_id text NOT NULL,
        team_name text NOT NULL,
        members jsonb NOT NULL,
        technical_route text NOT NULL,
        plan jsonb NOT NULL,
        quote int NOT NULL CHECK (quote > 0),
        prior_results text,
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'SHORTLISTED', 'AWARDED', 'REJECTED')),
        rejection_reason text,
        shortlisted_at timestamptz(3),
        awarded_at timestamptz(3),
        version int NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status <> 'AWARDED' OR awarded_at IS NOT NULL)
      );
      CREATE UNIQUE INDEX challenge_applications_once_idx ON challenge_applications (challenge_id, applicant_id);
      CREATE INDEX challenge_applications_challenge_idx ON challenge_applications (challenge_id, created_at DESC, id DESC);
      CREATE INDEX challenge_applications_applicant_idx ON challenge_applications (applicant_id, created_at DESC, id DESC);

      CREATE TABLE challenge_application_scores (
        application_id uuid NOT NULL REFERENCES challenge_applications (id) ON DELETE CASCADE,
        reviewer_id text NOT NULL,
        scores smallint[] NOT NULL CHECK (cardinality(scores) BETWEEN 1 AND 10 AND 0 <= ALL (scores) AND 10 >= ALL (scores)),
        comment text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, reviewer_id)
      );

      CREATE TABLE challenge_milestones (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES challenge_applications (id) ON DELETE CASCADE,
        sequence smallint NOT NULL CHECK (sequence >= 1),
        title text NOT NULL,
        deliverable text NOT NULL,
        due_date date NOT NULL,
        share_percent smallint NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
        amount int NOT NULL CHECK (amount >= 0),
        status text NOT NULL CHECK (status IN ('PENDING', 'SUBMITTED', 'ACCEPTED', 'REWORK_REQUESTED')),
        submission text,
        submitted_at timestamptz(3),
        rework_note text,
        accepted_at timestamptz(3),
        paid_at timestamptz(3),
        version int NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (application_id, sequence),
        CHECK ((status = 'ACCEPTED') = (paid_at IS NOT NULL))
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT set_config('search_path', '${MARKETPLACE_SCHEMA}', true)`);
    await queryRunner.query(
      `DROP TABLE challenge_milestones; DROP TABLE challenge_application_scores; DROP TABLE challenge_applications; DROP TABLE challenges;`,
    );
  }
}
