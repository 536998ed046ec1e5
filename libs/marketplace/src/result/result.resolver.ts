import { Args, Context, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Authenticated, AuthenticatedRequest, AuthUser, CurrentUser, Public, Role, Viewer } from '@ttm/auth';
import { GraphQLContext, PageArgs } from '@ttm/graphql';
import { ListingLoaderFactory } from '../listing/listing-loaders';
import { ListingErrors } from '../listing/listing.errors';
import { RequestViewer } from '../listing/request-viewer';
import { canViewListing } from '../listing/visibility';
import { CreateResultInput, ResultFilter, UpdateResultInput } from './result.inputs';
import { ResultConnection, ResultModel } from './result.model';
import { ResultService } from './result.service';

@Resolver(() => ResultModel)
export class ResultResolver {
  constructor(
    private readonly resultService: ResultService,
    private readonly loaders: ListingLoaderFactory,
    private readonly requestViewer: RequestViewer,
  ) {}

  @Query(() => ResultModel, { description: 'A result by id; drafts and other unpublished results only for their owner and administrators' })
  @Public()
  async result(
    @Args('id', { type: () => ID }) id: string,
    @Viewer() viewer: AuthUser | null,
    @Context() context: GraphQLContext,
  ): Promise<ResultModel> {
    const result = await this.loaders.forRequest(context.req).RESULT.load(id);
    if (!result || !canViewListing(viewer, result)) throw ListingErrors.notFound('RESULT', id);
    return ResultModel.from(result, viewer);
  }

  @Query(() => ResultConnection, { description: 'Results, newest first (published ones by publication date)' })
  @Public()
  async results(
    @Args('filter', { type: () => ResultFilter, nullable: true }) filter: ResultFilter | null,
    @Args() page: PageArgs,
    @Viewer() viewer: AuthUser | null,
  ): Promise<InstanceType<typeof ResultConnection>> {
    const connection = await this.resultService.list(filter, page, viewer);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: ResultModel.from(edge.node, viewer) })) };
  }

  @Mutation(() => ResultModel, { description: 'Creates a DRAFT result (researchers)' })
  @Authenticated(Role.RESEARCHER, Role.ADMIN)
  async createResult(@Args('input') input: CreateResultInput, @CurrentUser() user: AuthUser): Promise<ResultModel> {
    return ResultModel.from(await this.resultService.create(input, user), user);
  }

  @Mutation(() => ResultModel, { description: 'Changes the given fields; a published result goes back to review' })
  @Authenticated()
  async updateResult(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateResultInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ResultModel> {
    return ResultModel.from(await this.resultService.update(id, input, user), user);
  }

  @Mutation(() => ResultModel, { description: 'Sends a DRAFT or REJECTED result to review' })
  @Authenticated()
  async submitResult(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ResultModel> {
    return ResultModel.from(await this.resultService.submit(id, user), user);
  }

  @Mutation(() => ResultModel, { description: 'Closes a result for good (owner or administrator)' })
  @Authenticated()
  async closeResult(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ResultModel> {
    return ResultModel.from(await this.resultService.close(id, user), user);
  }

  /** Federation: other subgraphs (search, brokerage) reference results by id; visibility still applies. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: GraphQLContext): Promise<ResultModel | null> {
    const viewer = await this.requestViewer.of(context.req as AuthenticatedRequest);
    const result = await this.loaders.forRequest(context.req).RESULT.load(reference.id);
    return result && canViewListing(viewer, result) ? ResultModel.from(result, viewer) : null;
  }
}
