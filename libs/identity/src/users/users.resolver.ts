import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, isAdmin, Public, Role, Viewer } from '@ttm/auth';
import { Connection, GraphQLContext } from '@ttm/graphql';
import { IdentityLoaders } from '../common/identity-loaders';
import { ViewerService } from '../common/viewer.service';
import { Organization, toOrganization } from '../organizations/organization.model';
import { toUser, User, UserConnection } from './user.model';
import { SetUserRolesArgs, UsersArgs } from './users.inputs';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly loaders: IdentityLoaders,
    private readonly viewers: ViewerService,
  ) {}

  @Query(() => User, { nullable: true, description: 'The signed-in user; null without an access token' })
  @Public()
  async me(@Viewer() viewer: AuthUser | null): Promise<User | null> {
    if (!viewer) return null;
    const user = await this.service.findById(viewer.id);
    return user ? toUser(user) : null;
  }

  @Query(() => User, { description: 'Public profile of a user' })
  @Public()
  async user(@Args('id', { type: () => ID }) id: string): Promise<User> {
    return toUser(await this.service.getById(id));
  }

  @Query(() => UserConnection, { description: 'Every account, newest first (administrators)' })
  @Authenticated(Role.ADMIN)
  async users(@Args() args: UsersArgs): Promise<Connection<User>> {
    const page = await this.service.list(args);
    return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: toUser(edge.node) })) };
  }

  @Mutation(() => User, { description: 'Replaces the roles of a user; the only way to make an administrator' })
  @Authenticated(Role.ADMIN)
  async setUserRoles(@Args() args: SetUserRolesArgs, @CurrentUser() admin: AuthUser): Promise<User> {
    return toUser(await this.service.setRoles(admin, args.userId, args.roles));
  }

  /** Called by the gateway for `User` references from other subgraphs, batched per request. */
  @ResolveReference()
  async resolveReference(reference: { __typename: string; id: string }, context: GraphQLContext): Promise<User | null> {
    const user = await this.loaders.for(context.req).users.load(reference.id);
    return user ? toUser(user) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for the user themself or an administrator; null otherwise' })
  async email(@Parent() user: User, @Context() context: GraphQLContext): Promise<string | null> {
    if (user.emailVisible) return user.accountEmail;
    const viewer = await this.viewers.of(context.req);
    return viewer && (viewer.id === user.id || isAdmin(viewer)) ? user.accountEmail : null;
  }

  @ResolveField(() => Organization, { nullable: true })
  async organization(@Parent() user: User, @Context() context: GraphQLContext): Promise<Organization | null> {
    if (!user.organizationId) return null;
    const organization = await this.loaders.for(context.req).organizations.load(user.organizationId);
    return organization ? toOrganization(organization) : null;
  }
}
