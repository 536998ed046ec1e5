import { Args, Context, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Authenticated, AuthenticatedRequest, AuthUser, CurrentUser, Public, Role, Viewer } from '@ttm/auth';
import { GraphQLContext, PageArgs } from '@ttm/graphql';
import { ListingLoaderFactory } from '../listing/listing-loaders';
import { ListingErrors } from '../listing/listing.errors';
import { RequestViewer } from '../listing/request-viewer';
import { canViewListing } from '../listing/visibility';
import { CreateNeedInput, NeedFilter, UpdateNeedInput } from './need.inputs';
import { NeedConnection, NeedModel } from './need.model';
import { NeedService } from './need.service';

@Resolver(() => NeedModel)
export class NeedResolver {
  constructor(
    private readonly needService: NeedService,
    private readonly loaders: ListingLoaderFactory,
    private readonly requestViewer: RequestViewer,
  ) {}

  @Query(() => NeedModel, { description: 'A need by id; drafts and other unpublished needs only for their owner and administrators' })
  @Public()
  async need(
    @Args('id', { type: () => ID }) id: string,
    @Viewer() viewer: AuthUser | null,
    @Context() context: GraphQLContext,
  ): Promise<NeedModel> {
    const need = await this.loaders.forRequest(context.req).NEED.load(id);
    if (!need || !canViewListing(viewer, need)) throw ListingErrors.notFound('NEED', id);
    return NeedModel.from(need, viewer);
  }

  @Query(() => NeedConnection, { description: 'Needs, newest first (published ones by publication date)' })
  @Public()
  async needs(
    @Args('filter', { type: () => NeedFilter, nullable: true }) filter: NeedFilter | null,
    @Args() page: PageArgs,
    @Viewer() viewer: AuthUser | null,
  ): Promise<InstanceType<typeof NeedConnection>> {
    const connection = await this.needService.list(filter, page, viewer);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: NeedModel.from(edge.node, viewer) })) };
  }

  @Mutation(() => NeedModel, { description: 'Creates a DRAFT need (enterprises)' })
  @Authenticated(Role.ENTERPRISE, Role.ADMIN)
  async createNeed(@Args('input') input: CreateNeedInput, @CurrentUser() user: AuthUser): Promise<NeedModel> {
    return NeedModel.from(await this.needService.create(input, user), user);
  }

  @Mutation(() => NeedModel, { description: 'Changes the given fields; a published need goes back to review' })
  @Authenticated()
  async updateNeed(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateNeedInput,
    @CurrentUser() user: AuthUser,
  ): Promise<NeedModel> {
    return NeedModel.from(await this.needService.update(id, input, user), user);
  }

  @Mutation(() => NeedModel, { description: 'Sends a DRAFT or REJECTED need to review' })
  @Authenticated()
  async submitNeed(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<NeedModel> {
    return NeedModel.from(await this.needService.submit(id, user), user);
  }

  @Mutation(() => NeedModel, { description: 'Closes a need for good (owner or administrator)' })
  @Authenticated()
  async closeNeed(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<NeedModel> {
    return NeedModel.from(await this.needService.close(id, user), user);
  }

  /** Federation: other subgraphs (search, brokerage) reference needs by id; visibility still applies. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: GraphQLContext): Promise<NeedModel | null> {
    const viewer = await this.requestViewer.of(context.req as AuthenticatedRequest);
    const need = await this.loaders.forRequest(context.req).NEED.load(reference.id);
    return need && canViewListing(viewer, need) ? NeedModel.from(need, viewer) : null;
  }
}
