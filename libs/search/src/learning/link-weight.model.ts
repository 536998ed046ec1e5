import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { LinkWeightChangeKind } from './link-weight.entity';

registerEnumType(LinkWeightChangeKind, {
  name: 'LinkWeightChangeKind',
  valuesMap: {
    OUTCOME: { description: '撮合结果 — a broker match was accepted (+) or declined as not a technical fit (−)' },
    REVERT: { description: '撤销 — an administrator undid an outcome’s change' },
    RESET: { description: '重置 — an administrator set the link back to 1' },
  },
});

@ObjectType({ description: '学习到的关联权重: a problem → method link of the knowledge graph whose weight broker outcomes moved' })
export class LearnedLinkWeight {
  @Field(() => ID, { description: '`problemId→targetId`' })
  id!: string;

  @Field(() => ID)
  problemId!: string;

  @Field({ description: 'The problem concept’s Chinese name' })
  problemLabel!: string;

  @Field(() => ID)
  targetId!: string;

  @Field({ description: 'The Chinese name of what addresses it (method, process, material, device)' })
  targetLabel!: string;

  @Field(() => Float, { description: 'Multiplies the link’s strength in matching; starts at 1, kept within [0.5, 1.5]' })
  weight!: number;

  @Field(() => Int, { description: 'Accepted matches that still count for this link' })
  accepts!: number;

  @Field(() => Int, { description: 'Matches declined as 技术不对口 that still count for this link' })
  declines!: number;

  @Field({ description: 'When the weight last changed' })
  updatedAt!: Date;

  @Field(() => LinkWeightChangeKind)
  lastChangeKind!: LinkWeightChangeKind;
}

@ObjectType('LearnedLinkWeightConnection')
export class LearnedLinkWeightConnection extends ConnectionType(LearnedLinkWeight, 'LearnedLinkWeight') {}

@ObjectType({ description: 'One change of a learned link weight' })
export class LinkWeightAdjustment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  linkId!: string;

  @Field()
  problemLabel!: string;

  @Field()
  targetLabel!: string;

  @Field(() => LinkWeightChangeKind)
  kind!: LinkWeightChangeKind;

  @Field(() => ID, { nullable: true, description: 'The match whose outcome made (or whose change a revert undid) this change' })
  matchId!: string | null;

  @Field(() => String, { nullable: true, description: 'ACCEPTED or DECLINED, for an outcome' })
  outcome!: string | null;

  @Field(() => String, { nullable: true, description: 'The decline reason (NOT_TECHNICAL_FIT), for a declined outcome' })
  declineCode!: string | null;

  @Field(() => Float, { description: 'weightAfter − weightBefore: smaller than δ, or 0, where a bound stopped it' })
  delta!: number;

  @Field(() => Float)
  weightBefore!: number;

  @Field(() => Float)
  weightAfter!: number;

  @Field()
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'The administrator, for a revert or reset' })
  actorId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When an administrator undid this outcome change' })
  revertedAt!: Date | null;

  @Field({ description: 'An outcome change that still counts (it can be reverted)' })
  revertable!: boolean;
}
