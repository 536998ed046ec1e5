import { Args, Context, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Authenticated, AuthenticatedRequest, AuthUser, CurrentUser, Public, Role, Viewer } from '@ttm/auth';
import { GraphQLContext, PageArgs } from '@ttm/graphql';
import { ListingLoaderFactory } from '../listing/listing-loaders';
import { ListingErrors } from '../listing/listing.errors';
import { RequestViewer } from '../listing/request-viewer';
import { canViewListing } from '../listing/visibility';
import { CreateExpertInput, ExpertFilter, UpdateExpertInput } from './expert.inputs';
import { ExpertConnection, ExpertModel } from './expert.model';
import { ExpertService } from './expert.service';

@Resolver(() => ExpertModel)
export class ExpertResolver {
  constructor(
    private readonly expertService: ExpertService,
    private readonly loaders: ListingLoaderFactory,
    private readonly requestViewer: RequestViewer,
  ) {}

  @Query(() => ExpertModel, { description: 'An expert profile by id; unpublished profiles only for their owner and administrators' })
  @Public()
  async expert(
    @Args('id', { type: () => ID }) id: string,
    @Viewer() viewer: AuthUser | null,
    @Context() context: GraphQLContext,
  ): Promise<ExpertModel> {
    const expert = await this.loaders.forRequest(context.req).EXPERT.load(id);
    if (!expert || !canViewListing(viewer, expert)) throw ListingErrors.notFound('EXPERT', id);
    return ExpertModel.from(expert, viewer);
  }

  @Query(() => ExpertConnection, { description: 'Expert profiles, newest first (published ones by publication date)' })
  @Public()
  async experts(
    @Args('filter', { type: () => ExpertFilter, nullable: true }) filter: ExpertFilter | null,
    @Args() page: PageArgs,
    @Viewer() viewer: AuthUser | null,
  ): Promise<InstanceType<typeof ExpertConnection>> {
    const connection = await this.expertService.list(filter, page, viewer);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: ExpertModel.from(edge.node, viewer) })) };
  }

  @Mutation(() => ExpertModel, { description: 'Creates your DRAFT expert profile (researchers; one per account)' })
  @Authenticated(Role.RESEARCHER, Role.ADMIN)
  async createExpert(@Args('input') input: CreateExpertInput, @CurrentUser() user: AuthUser): Promise<ExpertModel> {
    return ExpertModel.from(await this.expertService.create(input, user), user);
  }

  @Mutation(() => ExpertModel, { description: 'Changes the given fields; a published profile goes back to review' })
  @Authenticated()
  async updateExpert(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateExpertInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ExpertModel> {
    return ExpertModel.from(await this.expertService.update(id, input, user), user);
  }

  @Mutation(() => ExpertModel, { description: 'Sends a DRAFT or REJECTED profile to review' })
  @Authenticated()
  async submitExpert(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ExpertModel> {
    return ExpertModel.from(await this.expertService.submit(id, user), user);
  }

  @Mutation(() => ExpertModel, { description: 'Closes a profile for good (owner or administrator)' })
  @Authenticated()
  async closeExpert(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ExpertModel> {
    return ExpertModel.from(await this.expertService.close(id, user), user);
  }

  /** Federation: other subgraphs (search, brokerage) reference experts by id; visibility still applies. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: GraphQLContext): Promise<ExpertModel | null> {
    const viewer = await this.requestViewer.of(context.req as AuthenticatedRequest);
    const expert = await this.loaders.forRequest(context.req).EXPERT.load(reference.id);
    return expert && canViewListing(viewer, expert) ? ExpertModel.from(expert, viewer) : null;
  }
}
