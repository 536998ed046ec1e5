import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, Role, Viewer } from '@ttm/auth';
import { GraphQLContext, PageArgs } from '@ttm/graphql';
import { ListingLoaderFactory } from '../listing/listing-loaders';
import { canViewListing } from '../listing/visibility';
import { ChallengeApplicationService, reviewsChallenge } from './challenge-application.service';
import { ApplicationFilter, ApplyToChallengeInput, ReasonArgs, ScoreApplicationInput, SubmitMilestoneArgs } from './challenge.inputs';
import { ChallengeApplicationConnection, ChallengeApplicationModel, ChallengeModel } from './challenge.model';

type ApplicationConnection = InstanceType<typeof ChallengeApplicationConnection>;

@Resolver(() => ChallengeApplicationModel)
export class ChallengeApplicationResolver {
  constructor(
    private readonly applications: ChallengeApplicationService,
    private readonly loaders: ListingLoaderFactory,
  ) {}

  @ResolveField(() => ChallengeModel, { nullable: true, description: 'The challenge applied to; null once it is no longer visible to you' })
  async challenge(
    @Parent() application: ChallengeApplicationModel,
    @Viewer() viewer: AuthUser | null,
    @Context() context: GraphQLContext,
  ): Promise<ChallengeModel | null> {
    const challenge = await this.loaders.forRequest(context.req).CHALLENGE.load(application.challengeId);
    if (!challenge) return null;
    const visible = canViewListing(viewer, challenge) || reviewsChallenge(viewer, challenge) || viewer?.id === application.applicant.id;
    return visible ? ChallengeModel.from(challenge, viewer) : null;
  }

  @Query(() => ChallengeApplicationModel, { description: 'One application: for the team that applied, the challenge’s publisher and administrators' })
  @Authenticated()
  async challengeApplication(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    return this.applications.presentOne(await this.applications.application(id, user), user);
  }

  @Query(() => ChallengeApplicationConnection, { description: 'Your applications to challenges, newest first (researchers)' })
  @Authenticated(Role.RESEARCHER)
  async myApplications(
    @Args('filter', { type: () => ApplicationFilter, nullable: true }) filter: ApplicationFilter | null,
    @Args() page: PageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<ApplicationConnection> {
    return this.connection(await this.applications.myApplications(filter, page, user), user);
  }

  @Query(() => ChallengeApplicationConnection, { description: 'Applications to a challenge, newest first (its publisher and administrators)' })
  @Authenticated()
  async applicationsForChallenge(
    @Args('challengeId', { type: () => ID }) challengeId: string,
    @Args('filter', { type: () => ApplicationFilter, nullable: true }) filter: ApplicationFilter | null,
    @Args() page: PageArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<ApplicationConnection> {
    return this.connection(await this.applications.applicationsForChallenge(challengeId, filter, page, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, { description: '揭榜: applies to a challenge while its window is open (researchers; once per challenge)' })
  @Authenticated(Role.RESEARCHER)
  async applyToChallenge(@Args('input') input: ApplyToChallengeInput, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    return this.applications.presentOne(await this.applications.apply(input, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, {
    description: 'Records your score sheet (one score per indicator) for an application; scoring again replaces your sheet (publisher, administrators)',
  })
  @Authenticated()
  async scoreApplication(@Args('input') input: ScoreApplicationInput, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    return this.applications.presentOne(await this.applications.score(input, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, { description: 'SUBMITTED → SHORTLISTED (publisher, administrators)' })
  @Authenticated()
  async shortlistApplication(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    return this.applications.presentOne(await this.applications.shortlist(id, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, { description: 'SUBMITTED or SHORTLISTED → REJECTED with a reason the team sees (publisher, administrators)' })
  @Authenticated()
  async rejectApplication(@Args() args: ReasonArgs, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    return this.applications.presentOne(await this.applications.reject(args.id, args.reason, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, {
    description:
      'Awards a SHORTLISTED application after the window has closed: its plan becomes milestones and the challenge is AWARDED (publisher, administrators; up to maxWinners)',
  })
  @Authenticated()
  async awardChallenge(
    @Args('challengeId', { type: () => ID }) challengeId: string,
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ChallengeApplicationModel> {
    return this.applications.presentOne(await this.applications.award(challengeId, applicationId, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, {
    description: 'Delivers a milestone (PENDING or REWORK_REQUESTED → SUBMITTED) once the one before it is accepted (the awarded team); returns the application',
  })
  @Authenticated(Role.RESEARCHER)
  async submitMilestone(@Args() args: SubmitMilestoneArgs, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    const milestone = await this.applications.submitMilestone(args.id, args.deliverable, user);
    return this.applications.presentOne(await this.applications.application(milestone.applicationId, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, {
    description: 'Accepts a SUBMITTED milestone and pays its amount (once); the last accepted final milestone completes the challenge (publisher, administrators)',
  })
  @Authenticated()
  async acceptMilestone(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    const milestone = await this.applications.acceptMilestone(id, user);
    return this.applications.presentOne(await this.applications.application(milestone.applicationId, user), user);
  }

  @Mutation(() => ChallengeApplicationModel, { description: 'Sends a SUBMITTED milestone back with what to fix (publisher, administrators)' })
  @Authenticated()
  async requestMilestoneRework(@Args() args: ReasonArgs, @CurrentUser() user: AuthUser): Promise<ChallengeApplicationModel> {
    const milestone = await this.applications.requestRework(args.id, args.reason, user);
    return this.applications.presentOne(await this.applications.application(milestone.applicationId, user), user);
  }

  private async connection(
    connection: { edges: { node: Parameters<ChallengeApplicationService['present']>[0][number]; cursor: string }[] } & Omit<ApplicationConnection, 'edges'>,
    user: AuthUser,
  ): Promise<ApplicationConnection> {
    const models = await this.applications.present(
      connection.edges.map((edge) => edge.node),
      user,
    );
    return { ...connection, edges: connection.edges.map((edge, index) => ({ cursor: edge.cursor, node: models[index] })) };
  }
}
