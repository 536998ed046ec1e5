import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, Role } from '@ttm/auth';
import { PageArgs } from '@ttm/graphql';
import { AnyListingModel, ListingConnection, ListingUnion, presentListing } from '../listing/listing.union';
import { RejectListingArgs } from './moderation.inputs';
import { ModerationService } from './moderation.service';

@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Mutation(() => ListingUnion, { description: 'Publishes a listing that is PENDING_REVIEW (administrators)' })
  @Authenticated(Role.ADMIN)
  async approveListing(@Args('id', { type: () => ID }) id: string, @CurrentUser() admin: AuthUser): Promise<AnyListingModel> {
    return presentListing(await this.moderation.approve(id, admin), admin);
  }

  @Mutation(() => ListingUnion, {
    description: 'Rejects a listing in review, or takes a published one down, with a reason its owner sees (administrators)',
  })
  @Authenticated(Role.ADMIN)
  async rejectListing(@Args() args: RejectListingArgs, @CurrentUser() admin: AuthUser): Promise<AnyListingModel> {
    return presentListing(await this.moderation.reject(args.id, args.reason, admin), admin);
  }

  @Query(() => ListingConnection, { description: 'Everything waiting for review, oldest submission first (administrators)' })
  @Authenticated(Role.ADMIN)
  async reviewQueue(@Args() page: PageArgs, @CurrentUser() admin: AuthUser): Promise<ListingConnection> {
    const connection = await this.moderation.reviewQueue(page);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: presentListing(edge.node, admin) })) };
  }
}
