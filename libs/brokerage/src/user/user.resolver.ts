import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { BrokerView } from '../broker/broker.model';
import { BrokerService } from '../broker/broker.service';
import { ResponseStatsService } from './response-stats.service';
import { MatchResponseStats, UserRef, userRef } from './user.model';

/** The fields the brokerage adds to identity's User: shown on every profile. */
@Resolver(() => UserRef)
export class UserResolver {
  constructor(
    private readonly responses: ResponseStatsService,
    private readonly brokers: BrokerService,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): UserRef {
    return userRef(reference.id);
  }

  @ResolveField(() => MatchResponseStats, { description: '对接响应 — how quickly this person answers match proposals (median hours)' })
  matchResponse(@Parent() user: UserRef): Promise<MatchResponseStats> {
    return this.responses.of(user.id);
  }

  @ResolveField(() => BrokerView, { description: "The person's broker score and level (all zeros for someone who never brokered)" })
  brokerProfile(@Parent() user: UserRef): Promise<BrokerView> {
    return this.brokers.broker(user.id);
  }
}
