import { Args, Context, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Authenticated, AuthenticatedRequest, AuthUser, CurrentUser, Public, Role, Viewer } from '@ttm/auth';
import { clock } from '@ttm/clock';
import { GraphQLContext, PageArgs } from '@ttm/graphql';
import { ListingLoaderFactory } from '../listing/listing-loaders';
import { RequestViewer } from '../listing/request-viewer';
import { canViewListing } from '../listing/visibility';
import { ChallengeApplicationService } from './challenge-application.service';
import { ChallengeErrors } from './challenge.errors';
import { ChallengeFilter, CreateChallengeInput, UpdateChallengeInput } from './challenge.inputs';
import { ChallengeConnection, ChallengeModel } from './challenge.model';
import { ChallengeService } from './challenge.service';

@Resolver(() => ChallengeModel)
export class ChallengeResolver {
  constructor(
    private readonly challengeService: ChallengeService,
    private readonly applications: ChallengeApplicationService,
    private readonly loaders: ListingLoaderFactory,
    private readonly requestViewer: RequestViewer,
  ) {}

  @Query(() => ChallengeModel, { description: 'A challenge by id; unpublished ones only for their publisher and administrators' })
  @Public()
  async challenge(
    @Args('id', { type: () => ID }) id: string,
    @Viewer() viewer: AuthUser | null,
    @Context() context: GraphQLContext,
  ): Promise<ChallengeModel> {
    const challenge = await this.loaders.forRequest(context.req).CHALLENGE.load(id);
    if (!challenge || !canViewListing(viewer, challenge)) throw ChallengeErrors.challengeNotFound(id);
    return ChallengeModel.from(challenge, viewer);
  }

  @Query(() => ChallengeConnection, { description: '揭榜挂帅 榜单, newest first (published ones by publication date)' })
  @Public()
  async challenges(
    @Args('filter', { type: () => ChallengeFilter, nullable: true }) filter: ChallengeFilter | null,
    @Args() page: PageArgs,
    @Viewer() viewer: AuthUser | null,
  ): Promise<InstanceType<typeof ChallengeConnection>> {
    const now = clock.now();
    const connection = await this.challengeService.list(filter, page, viewer, now);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: ChallengeModel.from(edge.node, viewer, now) })) };
  }

  @Mutation(() => ChallengeModel, { description: 'Creates a DRAFT challenge (enterprises; administrators on behalf of the government)' })
  @Authenticated(Role.ENTERPRISE, Role.ADMIN)
  async createChallenge(@Args('input') input: CreateChallengeInput, @CurrentUser() user: AuthUser): Promise<ChallengeModel> {
    return ChallengeModel.from(await this.challengeService.create(input, user), user);
  }

  @Mutation(() => ChallengeModel, { description: 'Changes the given fields of a challenge that has never been published' })
  @Authenticated()
  async updateChallenge(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateChallengeInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ChallengeModel> {
    return ChallengeModel.from(await this.challengeService.update(id, input, user), user);
  }

  @Mutation(() => ChallengeModel, {
    description: 'Sends a DRAFT or REJECTED challenge to review (发榜); it is public once an administrator approves it (approveListing)',
  })
  @Authenticated()
  async publishChallenge(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ChallengeModel> {
    return ChallengeModel.from(await this.challengeService.publish(id, user), user);
  }

  @Mutation(() => ChallengeModel, { description: 'Withdraws a challenge before any award (撤榜): CLOSED, stage CANCELLED, open applications rejected' })
  @Authenticated()
  async cancelChallenge(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ChallengeModel> {
    return ChallengeModel.from(await this.applications.cancel(id, user), user);
  }

  /** Federation: other subgraphs reference challenges by id; visibility still applies. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: GraphQLContext): Promise<ChallengeModel | null> {
    const viewer = await this.requestViewer.of(context.req as AuthenticatedRequest);
    const challenge = await this.loaders.forRequest(context.req).CHALLENGE.load(reference.id);
    return challenge && canViewListing(viewer, challenge) ? ChallengeModel.from(challenge, viewer) : null;
  }
}
