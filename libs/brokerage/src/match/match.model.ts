import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { UserRef } from '../user/user.model';
import { MatchEntity } from './match.entity';
import { CounterpartKind, DeclineReasonCode, MatchResponse, MatchSide, MatchStatus } from './match-enums';

@ObjectType('DeclineReason')
export class DeclineReasonView {
  @Field(() => DeclineReasonCode)
  code!: DeclineReasonCode;

  @Field(() => String, { nullable: true })
  text!: string | null;
}

@ObjectType('MatchContact', { description: '联系方式 — revealed to both parties and the broker once both sides accept' })
export class MatchContactView {
  @Field()
  name!: string;

  @Field()
  phone!: string;

  @Field()
  email!: string;
}

/** One side of a match as the viewer may see it. */
@ObjectType('MatchParty')
export class MatchPartyView {
  @Field(() => MatchSide)
  side!: MatchSide;

  @Field(() => ID, { description: 'The need, result or expert profile' })
  listingId!: string;

  @Field({ description: 'NEED, RESULT or EXPERT' })
  listingKind!: string;

  @Field(() => String, { nullable: true, description: "The listing's title (an expert's name); null if the marketplace no longer has it" })
  title!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '发布单位; hidden from the counterpart of an anonymous need until both sides accept',
  })
  organizationName!: string | null;

  @Field(() => UserRef, { nullable: true, description: 'Who answers for this side; hidden like organizationName' })
  owner!: UserRef | null;

  @Field(() => MatchContactView, { nullable: true, description: 'Only once both sides accepted, and only for the parties, the broker and administrators' })
  contact!: MatchContactView | null;

  @Field(() => MatchResponse, { nullable: true, description: 'null while this side has not answered' })
  response!: MatchResponse | null;

  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => DeclineReasonView, { nullable: true, description: 'Why this side declined (seen by the broker, this side and administrators)' })
  declineReason!: DeclineReasonView | null;
}

@ObjectType('Match', { description: '撮合 — a broker’s proposal pairing a need with a result or an expert' })
export class MatchView {
  @Field(() => ID)
  id!: string;

  @Field(() => MatchStatus)
  status!: MatchStatus;

  @Field({ description: "The broker's note to both sides" })
  note!: string;

  @Field(() => UserRef)
  broker!: UserRef;

  @Field(() => CounterpartKind)
  counterpartKind!: CounterpartKind;

  @Field({ description: "The need's industry code" })
  industry!: string;

  @Field()
  proposedAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  declinedAt!: Date | null;

  @Field(() => Int)
  version!: number;

  @Field(() => MatchSide, { nullable: true, description: "The side the viewer answers for; null for the broker and administrators" })
  mySide!: MatchSide | null;

  @Field({ description: 'True when the viewer is a party that has not answered yet and the match is open' })
  awaitingMyResponse!: boolean;

  /** The stored row, for the field resolvers (not exposed). */
  record!: MatchEntity;
}

@ObjectType('Introduction', { description: 'The record that the broker introduced the parties (kept so the broker is not cut out)' })
export class IntroductionView {
  @Field(() => UserRef)
  broker!: UserRef;

  @Field()
  introducedAt!: Date;
}

export const MatchConnection = ConnectionType(MatchView, 'Match');
