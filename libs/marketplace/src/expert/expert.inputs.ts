import { Field, InputType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ListingContactInput } from '../listing/listing-base.inputs';
import { ListingFilterInput } from '../listing/listing-filter.inputs';
import { CleanList, IsIndustryCode, IsRegionCode, LIMITS, Trim } from '../listing/listing-validation';

const { expertName, institution, expertTitle, bio, fields } = LIMITS;

@InputType()
export class CreateExpertInput {
  @Field({ description: 'The researcher’s name' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(expertName.min, expertName.max, { message: `must be ${expertName.min}–${expertName.max} characters` })
  name!: string;

  @Field({ description: 'University or institute' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(institution.min, institution.max, { message: `must be ${institution.min}–${institution.max} characters` })
  institution!: string;

  @Field({ description: '职称, e.g. 教授, 研究员, 高级工程师' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(expertTitle.min, expertTitle.max, { message: `must be ${expertTitle.min}–${expertTitle.max} characters` })
  title!: string;

  @Field(() => [String], { description: `Research fields: ${fields.min}–${fields.max}, each up to ${fields.itemMax} characters` })
  @CleanList()
  @IsArray({ message: 'must be a list of research fields' })
  @ArrayMinSize(fields.min, { message: `needs at least ${fields.min} research field` })
  @ArrayMaxSize(fields.max, { message: `allows at most ${fields.max} research fields` })
  @IsString({ each: true, message: 'each research field must be text' })
  @Length(1, fields.itemMax, { each: true, message: `each research field must be 1–${fields.itemMax} characters` })
  fields!: string[];

  @Field({ description: 'Industry code from the taxonomy, e.g. TEXTILE' })
  @IsIndustryCode()
  industry!: string;

  @Field({ description: `${bio.min}–${bio.max} characters` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(bio.min, bio.max, { message: `must be ${bio.min}–${bio.max} characters` })
  bio!: string;

  @Field({ description: 'GB/T 2260 region code, e.g. 330481' })
  @IsRegionCode()
  regionCode!: string;

  @Field(() => ListingContactInput)
  @ValidateNested()
  @Type(() => ListingContactInput)
  contact!: ListingContactInput;
}

/** Only the fields given change. */
@InputType()
export class UpdateExpertInput extends PartialType(CreateExpertInput) {}

@InputType()
export class ExpertFilter extends ListingFilterInput {
  @Field(() => String, { nullable: true, description: 'Experts with this research field (exact, case-insensitive)' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(1, fields.itemMax, { message: `must be 1–${fields.itemMax} characters` })
  field?: string | null;
}
