import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { PageArgs } from '@ttm/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ContractType, DealStage } from './deal-enums';

@InputType()
export class AdvanceDealInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'dealId must be a deal id' })
  dealId!: string;

  @Field(() => Int, { description: 'The version you last saw; if the deal changed since, the move is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => DealStage)
  @IsEnum(DealStage)
  to!: DealStage;

  @Field(() => String, { nullable: true, description: 'Required (and only allowed) when moving to FAILED' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}

@InputType()
export class ContractPartyInput {
  @Field({ description: 'A party to the contract, e.g. 海宁某经编有限公司' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @Field({ description: 'Its role, e.g. 委托方 / 受托方 / 转让方 / 受让方 / 中介方' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  role!: string;
}

@InputType()
export class RegisterContractInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'dealId must be a deal id' })
  dealId!: string;

  @Field(() => ContractType)
  @IsEnum(ContractType)
  type!: ContractType;

  @Field(() => Float, { description: 'Contract amount in CNY, more than 0' })
  @IsPositive({ message: 'amount must be more than 0 (CNY)' })
  @Max(1e13)
  amount!: number;

  @Field({ description: 'Signing date (YYYY-MM-DD), not in the future' })
  @IsISO8601({ strict: true }, { message: 'signedOn must be a date like 2026-03-01' })
  signedOn!: string;

  @Field(() => [ContractPartyInput], { description: 'The contracting parties (at least two)' })
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ContractPartyInput)
  parties!: ContractPartyInput[];
}

@InputType()
export class RateBrokerInput {
  @Field(() => ID, { description: 'A completed or failed deal you were a party to' })
  @IsUUID('all', { message: 'dealId must be a deal id' })
  dealId!: string;

  @Field(() => Int, { description: '1–5 stars' })
  @IsInt()
  @Min(1)
  @Max(5)
  stars!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string | null;
}

@ArgsType()
export class DealListArgs extends PageArgs {
  @Field(() => DealStage, { nullable: true })
  @IsOptional()
  @IsEnum(DealStage)
  stage?: DealStage;
}
