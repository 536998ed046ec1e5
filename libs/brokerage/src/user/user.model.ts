import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** How quickly a person answers match proposals; shown on their profile. */
@ObjectType('MatchResponseStats', { description: '对接响应 — how quickly someone answers match proposals' })
export class MatchResponseStats {
  @Field(() => Int, { description: 'Proposals answered (accepted or declined)' })
  answered!: number;

  @Field(() => Int, { description: 'Proposals still waiting for this person' })
  pending!: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from proposal to answer; null before the first answer' })
  medianResponseHours!: number | null;
}

/**
 * The identity service's `User` entity; the brokerage adds the fields it knows (response times,
 * broker profile). Identity resolves the rest (displayName …) through the gateway.
 */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

export const userRef = (id: string): UserRef => Object.assign(new UserRef(), { id });
