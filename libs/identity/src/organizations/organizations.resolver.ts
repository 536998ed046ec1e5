import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, isAdmin, Public, Role } from '@ttm/auth';
import { Connection, GraphQLContext } from '@ttm/graphql';
import { IdentityLoaders } from '../common/identity-loaders';
import { ViewerService } from '../common/viewer.service';
import { toUser, User } from '../users/user.model';
import { Organization, OrganizationConnection, toOrganization } from './organization.model';
import { AddOrganizationMemberArgs, CreateOrganizationInput, OrganizationsArgs } from './organizations.inputs';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly loaders: IdentityLoaders,
    private readonly viewers: ViewerService,
  ) {}

  @Query(() => Organization)
  @Public()
  async organization(@Args('id', { type: () => ID }) id: string): Promise<Organization> {
    return toOrganization(await this.service.getById(id));
  }

  @Query(() => OrganizationConnection, { description: 'Every organization, newest first (administrators)' })
  @Authenticated(Role.ADMIN)
  async organizations(@Args() args: OrganizationsArgs): Promise<Connection<Organization>> {
    const page = await this.service.list(args);
    return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: toOrganization(edge.node) })) };
  }

  @Mutation(() => Organization, { description: 'Registers an organization; you become its owner' })
  @Authenticated()
  async createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentUser() user: AuthUser): Promise<Organization> {
    return toOrganization(await this.service.create(user, input));
  }

  @Mutation(() => Organization, { description: 'Adds an existing account to your organization (owners and administrators)' })
  @Authenticated()
  async addOrganizationMember(@Args() args: AddOrganizationMemberArgs, @CurrentUser() user: AuthUser): Promise<Organization> {
    return toOrganization(await this.service.addMember(user, args));
  }

  @Mutation(() => Organization, { description: 'Marks an organization as checked (administrators)' })
  @Authenticated(Role.ADMIN)
  async verifyOrganization(@Args('id', { type: () => ID }) id: string, @CurrentUser() admin: AuthUser): Promise<Organization> {
    return toOrganization(await this.service.setVerified(admin, id, true));
  }

  @Mutation(() => Organization, { description: 'Withdraws the verification of an organization (administrators)' })
  @Authenticated(Role.ADMIN)
  async unverifyOrganization(@Args('id', { type: () => ID }) id: string, @CurrentUser() admin: AuthUser): Promise<Organization> {
    return toOrganization(await this.service.setVerified(admin, id, false));
  }

  @ResolveReference()
  async resolveReference(reference: { __typename: string; id: string }, context: GraphQLContext): Promise<Organization | null> {
    const organization = await this.loaders.for(context.req).organizations.load(reference.id);
    return organization ? toOrganization(organization) : null;
  }

  @ResolveField(() => [User], { nullable: true, description: 'Only for members of the organization and administrators; null otherwise' })
  async members(@Parent() organization: Organization, @Context() context: GraphQLContext): Promise<User[] | null> {
    const viewer = await this.viewers.of(context.req);
    if (!viewer) return null;
    const loaders = this.loaders.for(context.req);
    const members = await loaders.members.load(organization.id);
    if (!isAdmin(viewer) && !members.some((member) => member.id === viewer.id)) return null;
    return members.map((member) => toUser(member));
  }
}
