import { Injectable } from '@nestjs/common';
import type { MatchDeclineCode, MatchOutcome, MatchOutcomesPage } from '@ttm/events';
import { DataSource } from 'typeorm';
import { MatchStatus } from './match-enums';
import { MatchEntity } from './match.entity';

/** An answered match as other services see it: who was paired, how it ended, and why when declined. */
export function toMatchOutcome(match: MatchEntity): MatchOutcome {
  if (match.status === MatchStatus.PROPOSED || match.outcomeSeq === null) throw new Error(`match ${match.id} is not decided`);
  const accepted = match.status === MatchStatus.ACCEPTED;
  const answeredAt = accepted ? match.acceptedAt : match.declinedAt;
  return {
    matchId: match.id,
    needId: match.needId,
    counterpartKind: match.counterpartKind,
    counterpartId: match.counterpartId,
    outcome: accepted ? 'ACCEPTED' : 'DECLINED',
    // Only one side declines: the match ends with the first decline.
    declineCode: accepted ? null : ((match.needDeclineCode ?? match.counterpartDeclineCode) as MatchDeclineCode | null),
    answeredAt: (answeredAt as Date).toISOString(),
    cursor: match.outcomeSeq,
  };
}

/** The outcome feed: decided matches in the order they were decided (`outcome_seq`). */
@Injectable()
export class MatchOutcomesService {
  constructor(private readonly dataSource: DataSource) {}

  async page(after: string | null, limit: number): Promise<MatchOutcomesPage> {
    const query = this.dataSource.getRepository(MatchEntity).createQueryBuilder('match').where('match.outcomeSeq IS NOT NULL');
    if (after !== null) query.andWhere('match.outcomeSeq > :after', { after });
    const rows = await query.orderBy('match.outcomeSeq', 'ASC').take(limit + 1).getMany();
    const outcomes = rows.slice(0, limit).map(toMatchOutcome);
    return { outcomes, nextAfter: outcomes.at(-1)?.cursor ?? after ?? '0', hasMore: rows.length > limit };
  }
}
