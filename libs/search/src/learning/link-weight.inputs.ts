import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '@ttm/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class LearnedLinkWeightsArgs extends PageArgs {}

@ArgsType()
export class LinkWeightAdjustmentsArgs {
  @Field(() => ID, { nullable: true, description: 'A learned link (`problemId→targetId`); give this or matchId' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  linkId?: string;

  @Field(() => ID, { nullable: true, description: 'A brokerage match; give this or linkId' })
  @IsOptional()
  @IsUUID()
  matchId?: string;
}
