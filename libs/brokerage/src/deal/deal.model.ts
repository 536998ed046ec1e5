import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { UserRef } from '../user/user.model';
import { ContractType, DealActivityAction, DealStage } from './deal-enums';
import { DealEntity } from './deal.entity';

@ObjectType('DealActivity', { description: 'Who did what to the deal, and when' })
export class DealActivityView {
  @Field(() => UserRef)
  actor!: UserRef;

  @Field(() => DealActivityAction)
  action!: DealActivityAction;

  @Field(() => DealStage, { nullable: true })
  fromStage!: DealStage | null;

  @Field(() => DealStage, { nullable: true })
  toStage!: DealStage | null;

  @Field(() => String, { nullable: true })
  detail!: string | null;

  @Field()
  at!: Date;
}

@ObjectType('ContractParty')
export class ContractPartyView {
  @Field()
  name!: string;

  @Field()
  role!: string;
}

@ObjectType('ContractRegistration', { description: '技术合同登记' })
export class ContractView {
  @Field(() => ID)
  id!: string;

  @Field(() => ContractType)
  type!: ContractType;

  @Field(() => Float, { description: 'CNY' })
  amount!: number;

  @Field({ description: 'YYYY-MM-DD' })
  signedOn!: string;

  @Field(() => [ContractPartyView])
  parties!: ContractPartyView[];

  @Field(() => UserRef)
  registeredBy!: UserRef;

  @Field()
  registeredAt!: Date;
}

@ObjectType('BrokerRating')
export class BrokerRatingView {
  @Field(() => ID)
  id!: string;

  @Field(() => UserRef)
  broker!: UserRef;

  @Field(() => UserRef)
  rater!: UserRef;

  @Field(() => Int)
  stars!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('Deal', { description: '交易 — the pipeline an accepted match becomes' })
export class DealView {
  @Field(() => ID)
  id!: string;

  @Field(() => DealStage)
  stage!: DealStage;

  @Field(() => Int, { description: 'Send it back as expectedVersion when you advance the deal' })
  version!: number;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => UserRef)
  broker!: UserRef;

  @Field({ description: "The need's industry code" })
  industry!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  signedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it reached COMPLETED or FAILED' })
  closedAt!: Date | null;

  @Field(() => [DealStage], { description: 'The stages the deal may move to next' })
  nextStages!: DealStage[];

  record!: DealEntity;
}

@ObjectType('DealStageCount')
export class DealStageCount {
  @Field(() => DealStage)
  stage!: DealStage;

  @Field(() => Int)
  count!: number;
}

export const DealConnection = ConnectionType(DealView, 'Deal');
