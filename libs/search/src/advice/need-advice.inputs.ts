import { Field, InputType, Int } from '@nestjs/graphql';
import { CooperationMode } from '@ttm/taxonomy';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/**
 * Caps of a draft sent for advice: above the listing limits (a draft may be over them while it is
 * written, and the description carries the indicator lines), well below what would make analysis slow.
 */
export const DRAFT_LIMITS = { title: 200, description: 10_000, keywords: 20, keyword: 50, organizationName: 200 } as const;

@InputType({ description: 'A need as its author is writing it (nothing is saved)' })
export class NeedDraftInput {
  @Field({ description: `Title, up to ${DRAFT_LIMITS.title} characters` })
  @IsString()
  @MaxLength(DRAFT_LIMITS.title, { message: `title must be at most ${DRAFT_LIMITS.title} characters` })
  title!: string;

  @Field({ description: `Description with the indicator lines, up to ${DRAFT_LIMITS.description} characters` })
  @IsString()
  @MaxLength(DRAFT_LIMITS.description, { message: `description must be at most ${DRAFT_LIMITS.description} characters` })
  description!: string;

  @Field(() => [String], { defaultValue: [], description: `Keywords, at most ${DRAFT_LIMITS.keywords} of up to ${DRAFT_LIMITS.keyword} characters` })
  @IsArray()
  @ArrayMaxSize(DRAFT_LIMITS.keywords, { message: `keywords must be at most ${DRAFT_LIMITS.keywords}` })
  @IsString({ each: true })
  @MaxLength(DRAFT_LIMITS.keyword, { each: true, message: `each keyword must be at most ${DRAFT_LIMITS.keyword} characters` })
  keywords!: string[];

  @Field(() => String, { nullable: true, description: 'Industry code, when chosen' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'industry must be an industry code' })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code of the region, when chosen' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit GB/T 2260 code' })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest budget in CNY' })
  @IsOptional()
  @IsInt({ message: 'budgetMin must be a whole number of CNY' })
  @Min(0, { message: 'budgetMin must be 0 or more (CNY)' })
  budgetMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest budget in CNY' })
  @IsOptional()
  @IsInt({ message: 'budgetMax must be a whole number of CNY' })
  @Min(0, { message: 'budgetMax must be 0 or more (CNY)' })
  budgetMax?: number | null;

  @Field(() => [CooperationMode], { defaultValue: [] })
  @IsArray()
  @IsEnum(CooperationMode, { each: true })
  cooperationModes!: CooperationMode[];

  @Field(() => String, { nullable: true, description: 'Deadline (YYYY-MM-DD), when given' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline must be a date (YYYY-MM-DD)' })
  deadline?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest TRL a solution must have (1–9)' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'minTrl must be a TRL from 1 to 9' })
  @Max(9, { message: 'minTrl must be a TRL from 1 to 9' })
  minTrl?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether the need will hide its publisher' })
  @IsBoolean()
  anonymous!: boolean;

  @Field(() => String, { nullable: true, description: 'The publishing organisation’s name, to find it in the public text' })
  @IsOptional()
  @IsString()
  @MaxLength(DRAFT_LIMITS.organizationName, { message: `organizationName must be at most ${DRAFT_LIMITS.organizationName} characters` })
  organizationName?: string | null;
}
