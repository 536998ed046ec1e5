import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BROKERAGE_SCHEMA as S } from '../brokerage.constants';
import { DeclineReasonCode } from '../match/match-enums';
import { brokerScore } from '../broker-score/broker-score';
import { userRef } from '../user/user.model';
import { BrokerFiguresRepository, BrokerFiguresRow } from './broker-figures.repository';
import { BrokerView, DeclineReasonCount } from './broker.model';

export const MAX_LEADERBOARD = 100;

export function toBrokerView(figures: BrokerFiguresRow, rank: number | null = null): BrokerView {
  const breakdown = brokerScore(figures);
  return Object.assign(new BrokerView(), {
    id: figures.brokerId,
    user: userRef(figures.brokerId),
    score: breakdown.score,
    level: breakdown.level,
    rank,
    components: {
      rating: breakdown.rating,
      deals: breakdown.deals,
      value: breakdown.value,
      conversion: breakdown.conversion,
      response: breakdown.response,
    },
    stats: {
      matchesProposed: figures.matchesProposed,
      matchesAccepted: figures.matchesAccepted,
      matchesDeclined: figures.matchesDeclined,
      dealsOpened: figures.dealsOpened,
      dealsCompleted: figures.dealsCompleted,
      dealsFailed: figures.dealsFailed,
      contractValue: figures.contractValue,
      conversionRate: breakdown.conversion,
      medianFirstResponseHours: figures.medianFirstResponseHours,
      ratingCount: figures.ratingCount,
      averageRating: figures.ratingCount > 0 ? figures.ratingSum / figures.ratingCount : null,
      bayesianRating: breakdown.bayesianRating,
    },
  });
}

/** Broker profiles and the leaderboard, scored by broker-score.ts. */
@Injectable()
export class BrokerService {
  constructor(
    private readonly figures: BrokerFiguresRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** Why the broker's proposals were declined (both sides' reasons), most frequent first: the feedback brokers ask for. */
  async declineReasons(brokerId: string): Promise<DeclineReasonCount[]> {
    const rows = await this.dataSource.query<{ code: DeclineReasonCode; count: number }[]>(
      `SELECT code, count(*)::int AS count FROM (
         SELECT need_decline_code AS code FROM ${S}.matches WHERE broker_id = $1 AND need_decline_code IS NOT NULL
         UNION ALL
         SELECT counterpart_decline_code FROM ${S}.matches WHERE broker_id = $1 AND counterpart_decline_code IS NOT NULL
       ) reasons GROUP BY code ORDER BY count DESC, code`,
      [brokerId],
    );
    return rows.map((row) => ({ code: row.code, count: Number(row.count) }));
  }

  async broker(id: string): Promise<BrokerView> {
    return toBrokerView(await this.figures.ofBroker(id));
  }

  /** Brokers with at least one proposal (in the industry, with its sub-industries, if given), best score first. */
  async leaderboard(industry: string | undefined, first: number): Promise<BrokerView[]> {
    const views = (await this.figures.figures({ industry })).map((row) => toBrokerView(row));
    views.sort((a, b) => b.score - a.score || b.stats.dealsCompleted - a.stats.dealsCompleted || (a.id < b.id ? -1 : 1));
    return views.slice(0, first).map((view, index) => Object.assign(view, { rank: index + 1 }));
  }
}
