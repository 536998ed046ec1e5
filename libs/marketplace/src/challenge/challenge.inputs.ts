import { ArgsType, Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { isIsoDate } from '@ttm/clock';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { CHALLENGE_LIMITS } from '@ttm/taxonomy';
import { ListingContactInput } from '../listing/listing-base.inputs';
import { ListingFilterInput } from '../listing/listing-filter.inputs';
import { CleanList, IsIndustryCode, IsRegionCode, LIMITS, Trim } from '../listing/listing-validation';
import { ApplicationStatus, ChallengeStage } from './challenge-status';

const { title, description, keywords, organizationName } = LIMITS;

const L = CHALLENGE_LIMITS;
const text = (min: number, max: number) => ({ message: `must be ${min}–${max} characters` });

export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: 'must be a date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

@InputType()
export class ChallengeIndicatorInput {
  @Field({ description: `指标名称, ${L.indicatorName.min}–${L.indicatorName.max} characters, e.g. 检出率` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.indicatorName.min, L.indicatorName.max, text(L.indicatorName.min, L.indicatorName.max))
  name!: string;

  @Field({ description: 'Target value, e.g. ≥ 99.5' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.targetValue.min, L.targetValue.max, text(L.targetValue.min, L.targetValue.max))
  targetValue!: string;

  @Field(() => String, { nullable: true, description: 'Unit, e.g. %, ms; empty when dimensionless' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(L.unit.max, { message: `must be at most ${L.unit.max} characters` })
  unit?: string | null;

  @Field({ description: 'How reaching the target is verified (验证方式), e.g. 第三方检测报告' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.verificationMethod.min, L.verificationMethod.max, text(L.verificationMethod.min, L.verificationMethod.max))
  verificationMethod!: string;
}

@InputType()
export class CreateChallengeInput {
  @Field({ description: `${title.min}–${title.max} characters` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(title.min, title.max, text(title.min, title.max))
  title!: string;

  @Field({ description: `The problem, ${description.min}–${description.max} characters` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(description.min, description.max, text(description.min, description.max))
  description!: string;

  @Field({ description: 'Industry code from the taxonomy' })
  @IsIndustryCode()
  industry!: string;

  @Field(() => [String], { description: `${keywords.min}–${keywords.max} keywords; trimmed, duplicates dropped` })
  @CleanList()
  @IsArray({ message: 'must be a list of keywords' })
  @ArrayMinSize(keywords.min, { message: `needs at least ${keywords.min} keyword` })
  @ArrayMaxSize(keywords.max, { message: `allows at most ${keywords.max} keywords` })
  @IsString({ each: true, message: 'each keyword must be text' })
  @Length(1, keywords.itemMax, { each: true, message: `each keyword must be 1–${keywords.itemMax} characters` })
  keywords!: string[];

  @Field({ description: 'GB/T 2260 region code' })
  @IsRegionCode()
  regionCode!: string;

  @Field(() => [ChallengeIndicatorInput], { description: `${L.indicators.min}–${L.indicators.max} measurable indicators (指标); applications are scored on each` })
  @IsArray({ message: 'must be a list of indicators' })
  @ArrayMinSize(L.indicators.min, { message: `needs at least ${L.indicators.min} indicator` })
  @ArrayMaxSize(L.indicators.max, { message: `allows at most ${L.indicators.max} indicators` })
  @ValidateNested({ each: true })
  @Type(() => ChallengeIndicatorInput)
  indicators!: ChallengeIndicatorInput[];

  @Field(() => Int, { description: '榜额, whole CNY, more than 0' })
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(1, { message: 'must be more than 0 (CNY)' })
  bounty!: number;

  @Field({ description: 'Who may apply (申报条件)' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.eligibility.min, L.eligibility.max, text(L.eligibility.min, L.eligibility.max))
  eligibility!: string;

  @Field({ description: 'When applications open' })
  @Type(() => Date)
  @IsDate({ message: 'must be a date-time like 2027-01-01T00:00:00+08:00' })
  applicationOpensAt!: Date;

  @Field({ description: 'When applications close (after applicationOpensAt); awards come after it' })
  @Type(() => Date)
  @IsDate({ message: 'must be a date-time like 2027-03-01T00:00:00+08:00' })
  applicationClosesAt!: Date;

  @Field(() => Int, { description: `Delivery period in months after the window closes (${L.deliveryMonths.min}–${L.deliveryMonths.max})` })
  @IsInt({ message: 'must be a whole number of months' })
  @Min(L.deliveryMonths.min, { message: `must be ${L.deliveryMonths.min}–${L.deliveryMonths.max} months` })
  @Max(L.deliveryMonths.max, { message: `must be ${L.deliveryMonths.min}–${L.deliveryMonths.max} months` })
  deliveryMonths!: number;

  @Field({ description: '赛马制: several teams may be awarded and work in parallel' })
  @IsBoolean({ message: 'must be true or false' })
  allowsMultipleWinners!: boolean;

  @Field(() => Int, { nullable: true, description: `How many teams may be awarded: 1 without 赛马制 (the default), 2–${L.maxWinners.max} with it (default 2)` })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(L.maxWinners.min, { message: `must be ${L.maxWinners.min}–${L.maxWinners.max}` })
  @Max(L.maxWinners.max, { message: `must be ${L.maxWinners.min}–${L.maxWinners.max}` })
  maxWinners?: number | null;

  @Field(() => ListingContactInput)
  @ValidateNested()
  @Type(() => ListingContactInput)
  contact!: ListingContactInput;

  @Field(() => String, { nullable: true, description: `发榜单位, up to ${organizationName.max} characters` })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(organizationName.max, { message: `must be at most ${organizationName.max} characters` })
  organizationName?: string | null;
}

/** Only the fields given change; only before the challenge is first published. */
@InputType()
export class UpdateChallengeInput extends PartialType(CreateChallengeInput) {}

@InputType()
export class ChallengeFilter extends ListingFilterInput {
  @Field(() => ChallengeStage, { nullable: true, description: 'Published challenges in this stage (UPCOMING/OPEN/REVIEWING follow the window)' })
  @IsOptional()
  @IsEnum(ChallengeStage, { message: `must be one of ${Object.values(ChallengeStage).join(', ')}` })
  stage?: ChallengeStage | null;

  @Field(() => Int, { nullable: true, description: 'Bounty of at least this many CNY' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(0, { message: 'must be 0 or more (CNY)' })
  minBounty?: number | null;
}

@InputType()
export class TeamMemberInput {
  @Field()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.memberName.min, L.memberName.max, text(L.memberName.min, L.memberName.max))
  name!: string;

  @Field(() => String, { nullable: true, description: 'Title or role, e.g. 教授 / 项目负责人' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(L.memberTitle.max, { message: `must be at most ${L.memberTitle.max} characters` })
  title?: string | null;

  @Field({ description: 'University, institute or company' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.memberOrganization.min, L.memberOrganization.max, text(L.memberOrganization.min, L.memberOrganization.max))
  organization!: string;
}

@InputType()
export class PlannedMilestoneInput {
  @Field()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.milestoneTitle.min, L.milestoneTitle.max, text(L.milestoneTitle.min, L.milestoneTitle.max))
  title!: string;

  @Field({ description: 'What will be delivered and checked (交付物)' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.deliverable.min, L.deliverable.max, text(L.deliverable.min, L.deliverable.max))
  deliverable!: string;

  @Field({ description: 'Due date, YYYY-MM-DD, within the delivery period; in order' })
  @IsIsoDate()
  dueDate!: string;

  @Field(() => Int, { description: 'Share of the awarded amount paid on acceptance, % (all shares add up to 100)' })
  @IsInt({ message: 'must be a whole percentage' })
  @Min(1, { message: 'must be 1–100 (%)' })
  @Max(100, { message: 'must be 1–100 (%)' })
  sharePercent!: number;
}

@InputType()
export class ApplyToChallengeInput {
  @Field(() => ID)
  @IsString({ message: 'must be a challenge id' })
  challengeId!: string;

  @Field()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.teamName.min, L.teamName.max, text(L.teamName.min, L.teamName.max))
  teamName!: string;

  @Field(() => [TeamMemberInput], { description: `${L.members.min}–${L.members.max} members` })
  @IsArray({ message: 'must be a list of members' })
  @ArrayMinSize(L.members.min, { message: `needs at least ${L.members.min} member` })
  @ArrayMaxSize(L.members.max, { message: `allows at most ${L.members.max} members` })
  @ValidateNested({ each: true })
  @Type(() => TeamMemberInput)
  members!: TeamMemberInput[];

  @Field({ description: '技术路线' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.technicalRoute.min, L.technicalRoute.max, text(L.technicalRoute.min, L.technicalRoute.max))
  technicalRoute!: string;

  @Field(() => [PlannedMilestoneInput], { description: `${L.milestones.min}–${L.milestones.max} milestones in order; shares add up to 100` })
  @IsArray({ message: 'must be a list of milestones' })
  @ArrayMinSize(L.milestones.min, { message: `needs at least ${L.milestones.min} milestone` })
  @ArrayMaxSize(L.milestones.max, { message: `allows at most ${L.milestones.max} milestones` })
  @ValidateNested({ each: true })
  @Type(() => PlannedMilestoneInput)
  milestones!: PlannedMilestoneInput[];

  @Field(() => Int, { description: 'Quote, whole CNY, more than 0 and at most the bounty' })
  @IsInt({ message: 'must be a whole number of CNY' })
  @Min(1, { message: 'must be more than 0 (CNY)' })
  quote!: number;

  @Field(() => String, { nullable: true, description: 'Prior results (前期成果): papers, patents, projects' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(L.priorResults.max, { message: `must be at most ${L.priorResults.max} characters` })
  priorResults?: string | null;
}

@InputType()
export class ScoreApplicationInput {
  @Field(() => ID)
  @IsString({ message: 'must be an application id' })
  applicationId!: string;

  @Field(() => [Int], { description: 'One score 0–10 per indicator of the challenge, in the order of its indicators' })
  @IsArray({ message: 'must be a list of scores' })
  @IsInt({ each: true, message: 'each score must be a whole number from 0 to 10' })
  @Min(L.score.min, { each: true, message: 'each score must be from 0 to 10' })
  @Max(L.score.max, { each: true, message: 'each score must be from 0 to 10' })
  scores!: number[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(L.comment.max, { message: `must be at most ${L.comment.max} characters` })
  comment?: string | null;
}

@ArgsType()
export class ReasonArgs {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field({ description: `${L.reason.min}–${L.reason.max} characters; the other side sees it` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.reason.min, L.reason.max, { message: `must be ${L.reason.min}–${L.reason.max} characters saying why` })
  reason!: string;
}

@ArgsType()
export class SubmitMilestoneArgs {
  @Field(() => ID, { description: 'The milestone' })
  @IsString()
  id!: string;

  @Field({ description: 'What is delivered (e.g. test report no., where the files are)' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(L.submission.min, L.submission.max, text(L.submission.min, L.submission.max))
  deliverable!: string;
}

@InputType()
export class ApplicationFilter {
  @Field(() => ApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStatus, { message: `must be one of ${Object.values(ApplicationStatus).join(', ')}` })
  status?: ApplicationStatus | null;
}
