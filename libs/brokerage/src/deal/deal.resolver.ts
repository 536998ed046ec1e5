import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser } from '@ttm/auth';
import { Connection } from '@ttm/graphql';
import { MatchView } from '../match/match.model';
import { MatchService } from '../match/match.service';
import { toMatchView } from '../match/match-visibility';
import { BrokerRatingView, ContractView, DealActivityView, DealConnection, DealStageCount, DealView } from './deal.model';
import { AdvanceDealInput, DealListArgs, RateBrokerInput, RegisterContractInput } from './deal.inputs';
import { DealService } from './deal.service';
import { toActivityView, toContractView, toDealView, toRatingView } from './deal-views';

@Resolver(() => DealView)
export class DealResolver {
  constructor(
    private readonly dealService: DealService,
    private readonly matches: MatchService,
  ) {}

  @Mutation(() => DealView, {
    description: 'Moves a deal: NEGOTIATING → CONTRACT_SIGNED → COMPLETED, or to FAILED with a reason. A stale expectedVersion gets CONFLICT.',
  })
  @Authenticated()
  async advanceDeal(@CurrentUser() user: AuthUser, @Args('input') input: AdvanceDealInput): Promise<DealView> {
    return toDealView(await this.dealService.advance(user, input), user);
  }

  @Mutation(() => DealView, { description: '技术合同登记 for a signed deal (CONTRACT_SIGNED or COMPLETED), once' })
  @Authenticated()
  async registerContract(@CurrentUser() user: AuthUser, @Args('input') input: RegisterContractInput): Promise<DealView> {
    const contract = await this.dealService.registerContract(user, input);
    return toDealView(await this.dealService.get(user, contract.dealId), user);
  }

  @Mutation(() => BrokerRatingView, { description: 'A party rates the broker of a COMPLETED or FAILED deal, once (1–5 stars)' })
  @Authenticated()
  async rateBroker(@CurrentUser() user: AuthUser, @Args('input') input: RateBrokerInput): Promise<BrokerRatingView> {
    return toRatingView(await this.dealService.rateBroker(user, input));
  }

  @Query(() => DealView, { description: 'A deal you broker or are a party to (administrators: any)' })
  @Authenticated()
  async deal(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<DealView> {
    return toDealView(await this.dealService.get(user, id), user);
  }

  @Query(() => DealConnection, { description: 'Your deals (administrators: all), most recently changed first; filter by stage for a pipeline column' })
  @Authenticated()
  async deals(@CurrentUser() user: AuthUser, @Args() args: DealListArgs): Promise<Connection<DealView>> {
    const page = await this.dealService.list(user, args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toDealView(edge.node, user) })) };
  }

  @Query(() => [DealStageCount], { description: 'How many of your deals (administrators: all) are at each stage' })
  @Authenticated()
  dealPipeline(@CurrentUser() user: AuthUser): Promise<DealStageCount[]> {
    return this.dealService.pipeline(user);
  }

  @ResolveField(() => MatchView)
  async match(@Parent() deal: DealView, @CurrentUser() user: AuthUser): Promise<MatchView> {
    return toMatchView(await this.matches.get(user, deal.record.matchId), user);
  }

  @ResolveField(() => ContractView, { nullable: true, description: 'The registered contract, if any' })
  async contract(@Parent() deal: DealView): Promise<ContractView | null> {
    const contract = await this.dealService.contract(deal.id);
    return contract ? toContractView(contract) : null;
  }

  @ResolveField(() => [DealActivityView], { description: 'The activity log, oldest first' })
  async activities(@Parent() deal: DealView): Promise<DealActivityView[]> {
    return (await this.dealService.activities(deal.id)).map(toActivityView);
  }

  @ResolveField(() => [BrokerRatingView], { description: "The parties' ratings of the broker (seen by the broker, the parties and administrators)" })
  async ratings(@Parent() deal: DealView): Promise<BrokerRatingView[]> {
    // Only those who can see the deal reach this field (deal() and deals() check it).
    return (await this.dealService.ratings(deal.id)).map(toRatingView);
  }

  @ResolveField(() => Boolean, { description: 'True when you are a party who may still rate the broker of this deal' })
  async canRateBroker(@Parent() deal: DealView, @CurrentUser() user: AuthUser): Promise<boolean> {
    const party = user.id === deal.record.needOwnerId || user.id === deal.record.counterpartOwnerId;
    if (!party || (deal.stage !== 'COMPLETED' && deal.stage !== 'FAILED')) return false;
    return !(await this.dealService.ratings(deal.id)).some((rating) => rating.raterId === user.id);
  }
}
