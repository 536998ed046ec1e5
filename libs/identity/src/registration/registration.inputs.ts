import { ArgsType, Field } from '@nestjs/graphql';
import { IsRegistrableEmail } from '../common/email';

@ArgsType()
export class RequestRegistrationCodeArgs {
  @Field({ description: 'The address to register' })
  @IsRegistrableEmail()
  email!: string;
}
