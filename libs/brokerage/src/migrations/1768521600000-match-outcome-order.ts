import { MigrationInterface, QueryRunner } from 'typeorm';
import { BROKERAGE_SCHEMA } from '../brokerage.constants';

/**
 * matches.outcome_seq: the position of an answered match in the outcome feed other services follow
 * (`GET /internal/match-outcomes`). Assigned in the transaction that decides the match, under an
 * advisory lock held until commit (`match-outcome-order.ts`), so positions are taken in commit order
 * and a reader never later finds an outcome before one it has seen. Matches answered before this
 * migration are numbered in the order they were decided.
 */
export class MatchOutcomeOrder1768521600000 implements MigrationInterface {
  name = 'MatchOutcomeOrder1768521600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT set_config('search_path', '${BROKERAGE_SCHEMA}', true)`);
    await queryRunner.query(`CREATE SEQUENCE match_outcome_seq AS bigint`);
    await queryRunner.query(`ALTER TABLE matches ADD COLUMN outcome_seq bigint`);
    await queryRunner.query(`
      WITH decided AS (
        SELECT id, row_number() OVER (ORDER BY COALESCE(accepted_at, declined_at), id) AS position
        FROM matches WHERE status <> 'PROPOSED'
      )
      UPDATE matches SET outcome_seq = decided.position FROM decided WHERE matches.id = decided.id`);
    await queryRunner.query(`SELECT setval('match_outcome_seq', COALESCE((SELECT MAX(outcome_seq) FROM matches), 0) + 1, false)`);
    await queryRunner.query(`ALTER TABLE matches ADD CONSTRAINT matches_outcome_seq_check CHECK ((status = 'PROPOSED') = (outcome_seq IS NULL))`);
    await queryRunner.query(`CREATE UNIQUE INDEX matches_outcome_seq_idx ON matches (outcome_seq) WHERE outcome_seq IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT set_config('search_path', '${BROKERAGE_SCHEMA}', true)`);
    await queryRunner.query(`ALTER TABLE matches DROP COLUMN outcome_seq`);
    await queryRunner.query(`DROP SEQUENCE match_outcome_seq`);
  }
}
