import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning from brokers' outcomes: the learned weight of each bridge link (problem → target), the log
 * of every change (outcome, revert, reset) and the match outcomes already counted (once each). Kept
 * apart from the knowledge graph's own tables: the weights are applied on top of whatever graph is loaded.
 */
export class LinkLearning1768521600000 implements MigrationInterface {
  name = 'LinkLearning1768521600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL search_path TO search`);
    await queryRunner.query(`
      CREATE TABLE link_weights (
        problem_id text NOT NULL,
        target_id text NOT NULL,
        weight double precision NOT NULL CHECK (weight BETWEEN 0.5 AND 1.5),
        updated_at timestamptz(3) NOT NULL,
        PRIMARY KEY (problem_id, target_id)
      )`);
    await queryRunner.query(`CREATE INDEX link_weights_updated_idx ON link_weights (updated_at DESC, problem_id, target_id)`);
    await queryRunner.query(`
      CREATE TABLE link_weight_adjustments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        problem_id text NOT NULL,
        target_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('OUTCOME', 'REVERT', 'RESET')),
        match_id uuid,
        outcome text CHECK (outcome IN ('ACCEPTED', 'DECLINED')),
        decline_code text,
        delta double precision NOT NULL,
        weight_before double precision NOT NULL,
        weight_after double precision NOT NULL,
        at timestamptz(3) NOT NULL,
        actor_id uuid,
        reverts_id bigint REFERENCES link_weight_adjustments (id),
        reverted_at timestamptz(3),
        FOREIGN KEY (problem_id, target_id) REFERENCES link_weights (problem_id, target_id),
        CHECK ((kind = 'OUTCOME') = (outcome IS NOT NULL)),
        CHECK (kind <> 'OUTCOME' OR (match_id IS NOT NULL AND actor_id IS NULL)),
        CHECK (kind = 'OUTCOME' OR (actor_id IS NOT NULL AND reverted_at IS NULL)),
        CHECK ((kind = 'REVERT') = (reverts_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX link_weight_adjustments_link_idx ON link_weight_adjustments (problem_id, target_id, id DESC)`);
    await queryRunner.query(`CREATE INDEX link_weight_adjustments_match_idx ON link_weight_adjustments (match_id, id DESC) WHERE match_id IS NOT NULL`);
    // One outcome change per match and link: a replayed outcome cannot count twice.
    await queryRunner.query(`CREATE UNIQUE INDEX link_weight_adjustments_outcome_key ON link_weight_adjustments (match_id, problem_id, target_id) WHERE kind = 'OUTCOME'`);
    await queryRunner.query(`
      CREATE TABLE learned_matches (
        match_id uuid PRIMARY KEY,
        feed_position bigint NOT NULL UNIQUE,
        outcome text NOT NULL CHECK (outcome IN ('ACCEPTED', 'DECLINED')),
        decline_code text,
        links int NOT NULL CHECK (links >= 0),
        learned_at timestamptz(3) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL search_path TO search`);
    await queryRunner.query(`DROP TABLE learned_matches`);
    await queryRunner.query(`DROP TABLE link_weight_adjustments`);
    await queryRunner.query(`DROP TABLE link_weights`);
  }
}
