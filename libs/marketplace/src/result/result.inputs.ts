import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { CooperationMode } from '@ttm/taxonomy';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CatalogListingInput } from '../listing/listing-base.inputs';
import { ListingFilterInput } from '../listing/listing-filter.inputs';
import { CleanPatentNumbers, IsPatentNumber, LIMITS, NotLessThan, Trim } from '../listing/listing-validation';
import { IpType } from '@ttm/taxonomy';

const { openLicenseTerms, patentNumbers } = LIMITS;

@InputType()
export class CreateResultInput extends CatalogListingInput {
  @Field(() => Int, { description: '技术成熟度 (TRL) 1–9' })
  @IsInt({ message: 'must be a whole number from 1 to 9' })
  @Min(1, { message: 'must be a TRL from 1 to 9' })
  @Max(9, { message: 'must be a TRL from 1 to 9' })
  trl!: number;

  @Field(() => IpType)
  @IsEnum(IpType, { message: `must be one of ${Object.values(IpType).join(', ')}` })
  ipType!: IpType;

  @Field(() => [String], {
    nullable: true,
    description: 'Chinese patent numbers, e.g. ZL202310123456.7, CN202310123456.7 or 202310123456.7 (check digit verified)',
  })
  @IsOptional()
  @CleanPatentNumbers()
  @IsArray({ message: 'must be a list of patent numbers' })
  @ArrayMaxSize(patentNumbers.max, { message: `allows at most ${patentNumbers.max} patent numbers` })
  @IsPatentNumber({ each: true })
  patentNumbers?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Asking price in CNY (≥ 0); null = 面议 (to be negotiated)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  askingPrice?: number | null;

  @Field(() => Boolean, { nullable: true, description: '开放许可: offered to anyone under openLicenseTerms; default false' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  openLicense?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The open licence terms; required when openLicense is true' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(openLicenseTerms.min, openLicenseTerms.max, {
    message: `must be ${openLicenseTerms.min}–${openLicenseTerms.max} characters`,
  })
  openLicenseTerms?: string | null;
}

/** Only the fields given change; null clears an optional field. */
@InputType()
export class UpdateResultInput extends PartialType(CreateResultInput) {}

@InputType()
export class ResultFilter extends ListingFilterInput {
  @Field(() => CooperationMode, { nullable: true, description: 'Results offered with this cooperation mode' })
  @IsOptional()
  @IsEnum(CooperationMode, { message: `must be one of ${Object.values(CooperationMode).join(', ')}` })
  cooperationMode?: CooperationMode | null;

  @Field(() => IpType, { nullable: true })
  @IsOptional()
  @IsEnum(IpType, { message: `must be one of ${Object.values(IpType).join(', ')}` })
  ipType?: IpType | null;

  @Field(() => Int, { nullable: true, description: 'Asking price at least (CNY); excludes 面议' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Asking price at most (CNY); excludes 面议' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  @NotLessThan('minPrice')
  maxPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'TRL at least (1–9)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 9' })
  @Min(1, { message: 'must be a TRL from 1 to 9' })
  @Max(9, { message: 'must be a TRL from 1 to 9' })
  minTrl?: number | null;

  @Field(() => Int, { nullable: true, description: 'TRL at most (1–9)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 9' })
  @Min(1, { message: 'must be a TRL from 1 to 9' })
  @Max(9, { message: 'must be a TRL from 1 to 9' })
  @NotLessThan('minTrl')
  maxTrl?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only results offered (true) or not offered (false) under an open licence' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  openLicense?: boolean | null;
}
