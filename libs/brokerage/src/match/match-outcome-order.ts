import { EntityManager } from 'typeorm';
import { BROKERAGE_SCHEMA } from '../brokerage.constants';
import { MatchStatus } from './match-enums';
import { MatchEntity } from './match.entity';

/**
 * Gives a match that has just been decided (ACCEPTED or DECLINED) its position in the outcome feed,
 * inside the transaction that decides it. The advisory lock is held until commit, so positions are
 * taken in commit order: a reader that has seen position n never later finds a committed outcome
 * before it (as the marketplace's outbox does). Call it before the row is written.
 */
export async function takeOutcomePosition(manager: EntityManager, match: MatchEntity): Promise<void> {
  if (match.status === MatchStatus.PROPOSED || match.outcomeSeq !== null) return;
  if (!manager.queryRunner?.isTransactionActive) throw new Error('takeOutcomePosition must run inside the transaction that decides the match');
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('brokerage.match_outcomes'))`);
  const [row] = (await manager.query(`SELECT nextval('${BROKERAGE_SCHEMA}.match_outcome_seq')::text AS seq`)) as { seq: string }[];
  match.outcomeSeq = row.seq;
}
