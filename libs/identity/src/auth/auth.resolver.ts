import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@ttm/graphql';
import { ViewerService } from '../common/viewer.service';
import { UserEntity } from '../users/user.entity';
import { LoginInput, RegisterInput } from './auth.inputs';
import { AuthPayload } from './auth.model';
import { AuthService } from './auth.service';
import { LocalLoginGuard, LoggedInAccount } from './local-login.guard';
import { LOGIN_LIMITS } from './login-throttle.service';

/**
 * Sign-up and sessions. These mutations deliberately skip the JWT guards: a client whose access
 * token has expired must still be able to refresh, sign in again or sign out.
 */
@Resolver(() => AuthPayload)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly viewers: ViewerService,
  ) {}

  @Mutation(() => AuthPayload, {
    description:
      'Creates an account and signs it in. When registrationOptions.emailCodeRequired, input.emailCode must be the code requestRegistrationCode e-mailed to the address',
  })
  register(@Args('input') input: RegisterInput): Promise<AuthPayload> {
    return this.auth.register(input);
  }

  @Mutation(() => AuthPayload, {
    description:
      `Signs in with email and password. ${LOGIN_LIMITS.consecutiveFailuresPerPair} failures in a row for one email from one client address ` +
      `block that email from that address for ${LOGIN_LIMITS.pairBlockSeconds / 3600} hour (a success clears the count; other addresses are unaffected); ` +
      `${LOGIN_LIMITS.failuresPerAddressPerDay} failures from one client address within a day block the address for ` +
      `${LOGIN_LIMITS.addressBlockSeconds / 3600} hours. A blocked attempt fails with TOO_MANY_REQUESTS and extensions.retryAfterSeconds`,
  })
  @UseGuards(LocalLoginGuard)
  login(@Args('input') _input: LoginInput, @LoggedInAccount() account: UserEntity): Promise<AuthPayload> {
    return this.auth.signIn(account);
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for a new access and refresh token (single use)' })
  refreshToken(@Args('token') token: string): Promise<AuthPayload> {
    return this.auth.refresh(token);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the session of the given refresh token (false if it is unknown); without one, ends every session of the signed-in user',
  })
  async logout(
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken: string | null | undefined,
    @Context() context: GraphQLContext,
  ): Promise<boolean> {
    const viewer = refreshToken ? null : await this.viewers.of(context.req);
    return this.auth.logout(refreshToken ?? undefined, viewer);
  }
}
