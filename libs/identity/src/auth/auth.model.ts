import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../users/user.model';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>"; valid for 15 minutes' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Exchange with refreshToken(token) for a new pair; single use, valid for 30 days' })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;
}
