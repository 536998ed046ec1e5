import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, Role } from '@ttm/auth';
import { Connection } from '@ttm/graphql';
import type { Request } from 'express';
import { DealView } from '../deal/deal.model';
import { toDealView } from '../deal/deal-views';
import { DealService } from '../deal/deal.service';
import { ListingFactsLoader } from '../listings/listing-facts.loader';
import { ExpertReference, NeedReference, ResultReference } from '../listings/listing-references.model';
import { userRef } from '../user/user.model';
import { CounterpartKind, MatchSide } from './match-enums';
import { IntroductionView, MatchConnection, MatchPartyView, MatchView } from './match.model';
import { MatchListArgs, ProposeMatchInput, RespondToMatchInput } from './match.inputs';
import { MatchService } from './match.service';
import { toMatchView, toPartyView } from './match-visibility';

const mapConnection = <A, B>(connection: Connection<A>, map: (node: A) => B): Connection<B> => ({
  ...connection,
  edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
});

@Resolver(() => MatchView)
export class MatchResolver {
  constructor(
    private readonly matches: MatchService,
    private readonly deals: DealService,
    private readonly listingFacts: ListingFactsLoader,
  ) {}

  @Mutation(() => MatchView, { description: 'A broker proposes pairing a published need with a published result or expert profile' })
  @Authenticated(Role.BROKER)
  async proposeMatch(@CurrentUser() user: AuthUser, @Args('input') input: ProposeMatchInput): Promise<MatchView> {
    return toMatchView(await this.matches.propose(user, input), user);
  }

  @Mutation(() => MatchView, { description: 'A party accepts or declines for the side they own; when both accept, contacts are revealed and a deal opens' })
  @Authenticated()
  async respondToMatch(@CurrentUser() user: AuthUser, @Args('input') input: RespondToMatchInput): Promise<MatchView> {
    return toMatchView(await this.matches.respond(user, input), user);
  }

  @Query(() => MatchView, { description: 'A match you broker, are a party to, or (administrators) any match' })
  @Authenticated()
  async match(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<MatchView> {
    return toMatchView(await this.matches.get(user, id), user);
  }

  @Query(() => MatchConnection, { description: 'Your inbox: matches proposed to your needs, results or expert profile' })
  @Authenticated()
  async myMatches(@CurrentUser() user: AuthUser, @Args() args: MatchListArgs): Promise<Connection<MatchView>> {
    return mapConnection(await this.matches.mine(user, args), (match) => toMatchView(match, user));
  }

  @Query(() => MatchConnection, { description: "A broker's desk: the matches you proposed (administrators: all, or one broker's)" })
  @Authenticated(Role.BROKER, Role.ADMIN)
  async proposedMatches(
    @CurrentUser() user: AuthUser,
    @Args() args: MatchListArgs,
    @Args('brokerId', { type: () => ID, nullable: true, description: 'Administrators only' }) brokerId?: string,
  ): Promise<Connection<MatchView>> {
    return mapConnection(await this.matches.proposed(user, args, brokerId), (match) => toMatchView(match, user));
  }

  @ResolveField(() => MatchPartyView, { description: 'The need side' })
  async need(@Parent() match: MatchView, @CurrentUser() user: AuthUser, @Context('req') req: Request): Promise<MatchPartyView> {
    return toPartyView(match.record, MatchSide.NEED, user, await this.listingFacts.load(req, match.record.needId));
  }

  @ResolveField(() => MatchPartyView, { description: 'The result or expert side' })
  async counterpart(@Parent() match: MatchView, @CurrentUser() user: AuthUser, @Context('req') req: Request): Promise<MatchPartyView> {
    return toPartyView(match.record, MatchSide.COUNTERPART, user, await this.listingFacts.load(req, match.record.counterpartId));
  }

  @ResolveField(() => NeedReference, { description: 'The need as the marketplace shows it (its own visibility rules; no contact details)' })
  needListing(@Parent() match: MatchView): NeedReference {
    return { id: match.record.needId };
  }

  @ResolveField(() => ResultReference, { nullable: true, description: 'The matched result (null when the counterpart is an expert)' })
  counterpartResult(@Parent() match: MatchView): ResultReference | null {
    return match.record.counterpartKind === CounterpartKind.RESULT ? { id: match.record.counterpartId } : null;
  }

  @ResolveField(() => ExpertReference, { nullable: true, description: 'The matched expert profile (null when the counterpart is a result)' })
  counterpartExpert(@Parent() match: MatchView): ExpertReference | null {
    return match.record.counterpartKind === CounterpartKind.EXPERT ? { id: match.record.counterpartId } : null;
  }

  @ResolveField(() => DealView, { nullable: true, description: 'The deal, once both sides accepted' })
  async deal(@Parent() match: MatchView, @CurrentUser() user: AuthUser): Promise<DealView | null> {
    const deal = await this.deals.byMatch(match.id);
    return deal ? toDealView(deal, user) : null;
  }

  @ResolveField(() => IntroductionView, { nullable: true, description: 'Recorded when both sides accepted' })
  async introduction(@Parent() match: MatchView): Promise<IntroductionView | null> {
    const introduction = await this.matches.introduction(match.id);
    return introduction ? { broker: userRef(introduction.brokerId), introducedAt: introduction.introducedAt } : null;
  }
}
