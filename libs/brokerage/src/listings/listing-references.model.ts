import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

// Stubs of the marketplace's entities: the gateway fetches their fields from the marketplace, which
// applies its own visibility rules (no contact details there; a listing taken down resolves to null).
@ObjectType('Need')
@Directive('@key(fields: "id", resolvable: false)')
export class NeedReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Result')
@Directive('@key(fields: "id", resolvable: false)')
export class ResultReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Expert')
@Directive('@key(fields: "id", resolvable: false)')
export class ExpertReference {
  @Field(() => ID)
  id!: string;
}
