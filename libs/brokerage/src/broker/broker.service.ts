import { Injectable } from '@nestjs/common';
import { brokerScore } from '../broker-score/broker-score';
import { userRef } from '../user/user.model';
import { BrokerFiguresRepository, BrokerFiguresRow } from './broker-figures.repository';
import { BrokerView } from './broker.model';

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
  constructor(private readonly figures: BrokerFiguresRepository) {}

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
