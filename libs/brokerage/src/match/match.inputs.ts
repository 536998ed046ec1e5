import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@ttm/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DeclineReasonCode, MatchSide, MatchStatus } from './match-enums';

@InputType()
export class ProposeMatchInput {
  @Field(() => ID, { description: 'A published need' })
  @IsUUID('all', { message: 'needId must be a need id' })
  needId!: string;

  @Field(() => ID, { description: 'A published result or expert profile' })
  @IsUUID('all', { message: 'counterpartId must be a result or expert id' })
  counterpartId!: string;

  @Field({ description: 'Why these two fit, for both sides (2–2000 characters)' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  note!: string;
}

@InputType()
export class DeclineReasonInput {
  @Field(() => DeclineReasonCode)
  @IsEnum(DeclineReasonCode)
  code!: DeclineReasonCode;

  @Field(() => String, { nullable: true, description: 'Required when code is OTHER (at most 500 characters)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  text?: string | null;
}

@InputType()
export class RespondToMatchInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'matchId must be a match id' })
  matchId!: string;

  @Field({ description: 'true to accept, false to decline (then declineReason is required)' })
  @IsBoolean()
  accept!: boolean;

  @Field(() => DeclineReasonInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeclineReasonInput)
  declineReason?: DeclineReasonInput | null;

  @Field(() => MatchSide, { nullable: true, description: 'The side you answer for; defaults to the side you own' })
  @IsOptional()
  @IsEnum(MatchSide)
  side?: MatchSide | null;
}

@ArgsType()
export class MatchListArgs extends PageArgs {
  @Field(() => MatchStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MatchStatus)
  status?: MatchStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only matches that wait for your answer (your inbox)' })
  @IsOptional()
  @IsBoolean()
  awaitingMyResponse?: boolean;
}
