import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientAddressOf } from '@ttm/auth';
import type { GraphQLContext } from '@ttm/graphql';
import { RegistrationOptions } from './registration.model';
import { RegistrationService } from './registration.service';
import { RequestRegistrationCodeArgs } from './registration.inputs';
import { CODE_REQUEST_LIMITS, REGISTRATION_CODE } from './registration-rules';

/** Open to everyone (no token needed), like register itself. */
@Resolver()
export class RegistrationResolver {
  constructor(private readonly registration: RegistrationService) {}

  @Query(() => RegistrationOptions, { description: 'Whether registering needs an e-mailed code (public)' })
  registrationOptions(): RegistrationOptions {
    return { emailCodeRequired: this.registration.emailCodeRequired };
  }

  @Mutation(() => Boolean, {
    description:
      `E-mails a ${REGISTRATION_CODE.digits}-digit registration code to the address (valid ${REGISTRATION_CODE.ttlSeconds / 60} minutes, ` +
      `${REGISTRATION_CODE.maxAttempts} tries, single use), or, when the address already has an account, an e-mail saying so. ` +
      'Always answers true, the same for every address. ' +
      `At most ${CODE_REQUEST_LIMITS.perEmail.points} requests an hour per e-mail address and ${CODE_REQUEST_LIMITS.perClientAddress.points} per client address ` +
      '(then TOO_MANY_REQUESTS with extensions.retryAfterSeconds). BAD_USER_INPUT when the marketplace sends no e-mail (registrationOptions.emailCodeRequired is false)',
  })
  requestRegistrationCode(@Args() args: RequestRegistrationCodeArgs, @Context() context: GraphQLContext): Promise<boolean> {
    return this.registration.requestCode(args.email, clientAddressOf(context.req));
  }
}
