import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Role } from '@ttm/auth';
import { GraphQLContext } from '@ttm/graphql';
import { IdentityLoaders } from '../common/identity-loaders';
import { toUser, User } from '../users/user.model';
import { AuditEntry, AuditLogArgs, AuditLogConnection } from './audit-entry.model';
import { AuditLogService } from './audit-log.service';

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(
    private readonly service: AuditLogService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @Query(() => AuditLogConnection, {
    description:
      'What was changed, by whom, before and after: role changes, verifications, moderation and synonym edits from every service, newest first (administrators)',
  })
  @Authenticated(Role.ADMIN)
  auditLog(@Args() args: AuditLogArgs): Promise<AuditLogConnection> {
    return this.service.page(args);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who made the change; null for the system or an account that no longer exists' })
  async actor(@Parent() entry: AuditEntry, @Context() context: GraphQLContext): Promise<User | null> {
    if (!entry.actorId) return null;
    const user = await this.loaders.for(context.req).users.load(entry.actorId);
    return user ? toUser(user) : null;
  }
}
