import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@ttm/auth';
import { badInput } from '@ttm/errors';
import { isIndustryCode } from '@ttm/taxonomy';
import { BrokerView, DeclineReasonCount } from './broker.model';
import { BrokerService, MAX_LEADERBOARD } from './broker.service';

@Resolver(() => BrokerView)
export class BrokerResolver {
  constructor(private readonly brokers: BrokerService) {}

  @Query(() => BrokerView, { description: "A broker's public score, level and the figures behind them" })
  @Public()
  broker(@Args('id', { type: () => ID }) id: string): Promise<BrokerView> {
    return this.brokers.broker(id);
  }

  @Query(() => [BrokerView], { description: 'Brokers by score, best first; with industry, only those who have proposed matches in it' })
  @Public()
  brokerLeaderboard(
    @Args('industry', { type: () => String, nullable: true, description: 'Industry code (its sub-industries included)' }) industry?: string,
    @Args('first', { type: () => Int, nullable: true, description: `1–${MAX_LEADERBOARD} (default 20)` }) first?: number,
  ): Promise<BrokerView[]> {
    if (industry !== undefined && industry !== null && !isIndustryCode(industry)) {
      throw badInput(`industry: ${industry} is not an industry code of the taxonomy`, { fields: ['industry'] });
    }
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > MAX_LEADERBOARD) throw badInput(`first: must be 1–${MAX_LEADERBOARD}`, { fields: ['first'] });
    return this.brokers.leaderboard(industry ?? undefined, size);
  }

  @ResolveField(() => [DeclineReasonCount], { description: "Why this broker's proposals were declined, most frequent first" })
  declineReasons(@Parent() broker: BrokerView): Promise<DeclineReasonCount[]> {
    return this.brokers.declineReasons(broker.id);
  }
}
