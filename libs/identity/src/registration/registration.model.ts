import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What the sign-up form needs to know' })
export class RegistrationOptions {
  @Field({
    description: 'Whether register needs an emailCode (the marketplace sends e-mail): request one with requestRegistrationCode first',
  })
  emailCodeRequired!: boolean;
}
