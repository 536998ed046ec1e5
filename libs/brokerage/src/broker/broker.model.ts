import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BrokerLevel } from '../broker-score/broker-score';
import { DeclineReasonCode } from '../match/match-enums';
import { UserRef } from '../user/user.model';

registerEnumType(BrokerLevel, {
  name: 'BrokerLevel',
  valuesMap: {
    JUNIOR: { description: '初级技术经纪人' },
    INTERMEDIATE: { description: '中级技术经纪人' },
    SENIOR: { description: '高级技术经纪人' },
  },
});

@ObjectType('BrokerStats', { description: 'The figures behind a broker’s score' })
export class BrokerStatsView {
  @Field(() => Int)
  matchesProposed!: number;

  @Field(() => Int)
  matchesAccepted!: number;

  @Field(() => Int)
  matchesDeclined!: number;

  @Field(() => Int)
  dealsOpened!: number;

  @Field(() => Int)
  dealsCompleted!: number;

  @Field(() => Int)
  dealsFailed!: number;

  @Field(() => Float, { description: 'Registered contract value, CNY' })
  contractValue!: number;

  @Field(() => Float, { description: 'Deals opened ÷ matches proposed (0–1)' })
  conversionRate!: number;

  @Field(() => Float, { nullable: true, description: "Median hours from a need's publication to this broker's first proposal for it" })
  medianFirstResponseHours!: number | null;

  @Field(() => Int)
  ratingCount!: number;

  @Field(() => Float, { nullable: true, description: 'Plain average stars; null without ratings' })
  averageRating!: number | null;

  @Field(() => Float, { description: 'Bayesian average stars (prior 3.5 stars weighing as 5 ratings) — what the score uses' })
  bayesianRating!: number;
}

@ObjectType('BrokerScoreComponents', { description: 'Each part of the score on a 0–1 scale, before weighting (see broker-score.ts)' })
export class BrokerScoreComponentsView {
  @Field(() => Float)
  rating!: number;

  @Field(() => Float)
  deals!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => Float)
  conversion!: number;

  @Field(() => Float)
  response!: number;
}

@ObjectType('Broker', { description: '技术经纪人 — public score and level, and the figures behind them' })
export class BrokerView {
  @Field(() => ID)
  id!: string;

  @Field(() => UserRef)
  user!: UserRef;

  @Field(() => Float, { description: '0–100' })
  score!: number;

  @Field(() => BrokerLevel)
  level!: BrokerLevel;

  @Field(() => BrokerStatsView)
  stats!: BrokerStatsView;

  @Field(() => BrokerScoreComponentsView)
  components!: BrokerScoreComponentsView;

  @Field(() => Int, { nullable: true, description: 'Place on the leaderboard (1 = best); set in brokerLeaderboard' })
  rank!: number | null;
}

@ObjectType('DeclineReasonCount', { description: 'How often the broker’s proposals were declined for a reason' })
export class DeclineReasonCount {
  @Field(() => DeclineReasonCode)
  code!: DeclineReasonCode;

  @Field(() => Int)
  count!: number;
}
