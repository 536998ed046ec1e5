import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { CooperationMode } from '@ttm/taxonomy';
import { IsBoolean, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CatalogListingInput } from '../listing/listing-base.inputs';
import { ListingFilterInput } from '../listing/listing-filter.inputs';
import { IsFutureDate, NotLessThan } from '../listing/listing-validation';

@InputType()
export class CreateNeedInput extends CatalogListingInput {
  @Field(() => Int, { nullable: true, description: 'Lowest budget in CNY (whole yuan, ≥ 0); leave both empty for 面议' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  budgetMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest budget in CNY (≥ budgetMin)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  @NotLessThan('budgetMin')
  budgetMax?: number | null;

  @Field(() => String, { nullable: true, description: 'Deadline, a date after today (YYYY-MM-DD)' })
  @IsOptional()
  @IsFutureDate()
  deadline?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest 技术成熟度 (TRL 1–9) a solution must have' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 9' })
  @Min(1, { message: 'must be a TRL from 1 to 9' })
  @Max(9, { message: 'must be a TRL from 1 to 9' })
  minTrl?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Hide the publisher (owner and organisation) from the public; default false' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  anonymous?: boolean | null;
}

/** Only the fields given change; null clears an optional field (budget, deadline, minTrl, organizationName). */
@InputType()
export class UpdateNeedInput extends PartialType(CreateNeedInput) {}

@InputType()
export class NeedFilter extends ListingFilterInput {
  @Field(() => CooperationMode, { nullable: true, description: 'Needs that accept this cooperation mode' })
  @IsOptional()
  @IsEnum(CooperationMode, { message: `must be one of ${Object.values(CooperationMode).join(', ')}` })
  cooperationMode?: CooperationMode | null;

  @Field(() => Int, { nullable: true, description: 'Needs whose budget reaches at least this much CNY (budgetMax ≥ minBudget)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  minBudget?: number | null;

  @Field(() => Int, { nullable: true, description: 'Needs whose budget starts at most at this CNY (budgetMin ≤ maxBudget)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  @NotLessThan('minBudget')
  maxBudget?: number | null;
}
