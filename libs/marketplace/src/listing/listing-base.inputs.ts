import { Field, InputType } from '@nestjs/graphql';
import { CooperationMode } from '@ttm/taxonomy';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CleanList, IsChinesePhone, IsIndustryCode, IsRegionCode, LIMITS, Trim, Unique } from './listing-validation';

const { title, description, keywords, organizationName, contactName } = LIMITS;

@InputType('ListingContactInput')
export class ListingContactInput {
  @Field()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(contactName.min, contactName.max, { message: `must be ${contactName.min}–${contactName.max} characters` })
  name!: string;

  @Field({ description: 'Mobile (13800138000) or landline with area code (0573-87654321)' })
  @Trim()
  @IsChinesePhone()
  phone!: string;

  @Field()
  @Trim()
  @IsEmail({}, { message: 'must be an email address like name@example.com' })
  email!: string;
}

/** Fields a need and a result share: what it is, where it belongs, how to cooperate, whom to contact. */
@InputType({ isAbstract: true })
export abstract class CatalogListingInput {
  @Field({ description: `${title.min}–${title.max} characters` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(title.min, title.max, { message: `must be ${title.min}–${title.max} characters` })
  title!: string;

  @Field({ description: `${description.min}–${description.max} characters` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(description.min, description.max, { message: `must be ${description.min}–${description.max} characters` })
  description!: string;

  @Field({ description: 'Industry code from the taxonomy, e.g. TEXTILE' })
  @IsIndustryCode()
  industry!: string;

  @Field(() => [String], { description: `${keywords.min}–${keywords.max} keywords of up to ${keywords.itemMax} characters; trimmed, duplicates dropped` })
  @CleanList()
  @IsArray({ message: 'must be a list of keywords' })
  @ArrayMinSize(keywords.min, { message: `needs at least ${keywords.min} keyword` })
  @ArrayMaxSize(keywords.max, { message: `allows at most ${keywords.max} keywords` })
  @IsString({ each: true, message: 'each keyword must be text' })
  @Length(1, keywords.itemMax, { each: true, message: `each keyword must be 1–${keywords.itemMax} characters` })
  keywords!: string[];

  @Field({ description: 'GB/T 2260 region code, e.g. 330481 (海宁市)' })
  @IsRegionCode()
  regionCode!: string;

  @Field(() => [CooperationMode], { description: 'At least one' })
  @Unique()
  @IsArray({ message: 'must be a list of cooperation modes' })
  @ArrayMinSize(1, { message: 'needs at least one cooperation mode' })
  @IsEnum(CooperationMode, { each: true, message: `each must be one of ${Object.values(CooperationMode).join(', ')}` })
  cooperationModes!: CooperationMode[];

  @Field(() => ListingContactInput)
  @ValidateNested()
  @Type(() => ListingContactInput)
  contact!: ListingContactInput;

  @Field(() => String, { nullable: true, description: `发布单位, up to ${organizationName.max} characters` })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(organizationName.max, { message: `must be at most ${organizationName.max} characters` })
  organizationName?: string | null;
}
