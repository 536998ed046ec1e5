import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@ttm/graphql';
import { ViewerService } from '../common/viewer.service';
import { UserEntity } from '../users/user.entity';
import { LoginInput, RegisterInput } from './auth.inputs';
import { AuthPayload } from './auth.model';
import { AuthService } from './auth.service';
import { LocalLoginGuard, LoggedInAccount } from './local-login.guard';

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

  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in' })
  register(@Args('input') input: RegisterInput): Promise<AuthPayload> {
    return this.auth.register(input);
  }

  @Mutation(() => AuthPayload, {
    description: 'Signs in with email and password; 5 failures in a row lock the email for 15 minutes',
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
