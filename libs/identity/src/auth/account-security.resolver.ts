import { Args, Context, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, clientAddressOf, CurrentUser, Role } from '@ttm/auth';
import type { GraphQLContext } from '@ttm/graphql';
import { AccountSecurityService } from './account-security.service';
import { ChangePasswordArgs, SignOutEverywhereArgs } from './auth.inputs';

@Resolver()
export class AccountSecurityResolver {
  constructor(private readonly security: AccountSecurityService) {}

  @Mutation(() => Boolean, {
    description:
      'Changes the password (same rules as at registration) and ends every other session of the account at once; this session stays signed in',
  })
  @Authenticated()
  changePassword(@Args() args: ChangePasswordArgs, @CurrentUser() viewer: AuthUser, @Context() context: GraphQLContext): Promise<boolean> {
    return this.security.changePassword(viewer, args.currentPassword, args.newPassword, clientAddressOf(context.req));
  }

  @Mutation(() => Int, {
    description:
      'Ends every session of a user at once (administrators): their access tokens are refused by every service within a second and their refresh tokens no longer work; answers how many sessions were open',
  })
  @Authenticated(Role.ADMIN)
  signOutEverywhere(@Args() args: SignOutEverywhereArgs): Promise<number> {
    return this.security.signOutEverywhere(args.userId);
  }
}
