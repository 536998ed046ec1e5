import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@ttm/graphql';
import { isRegionCode } from '@ttm/taxonomy';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateBy } from 'class-validator';
import { MAX_EMAIL_LENGTH, normalizeEmail } from '../common/email';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';
import { OrganizationType } from './organization.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function IsCreditCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isCreditCode',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
      defaultMessage: (args) =>
        typeof args?.value === 'string' ? (creditCodeProblem(args.value) ?? 'is not valid') : 'must be a string',
    },
  });
}

function IsKnownRegionCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isKnownRegionCode',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isRegionCode(value),
      defaultMessage: (args) =>
        `${JSON.stringify(args?.value)} is not a GB/T 2260 region code the marketplace knows (e.g. 330481 for 海宁市)`,
    },
  });
}

@InputType()
export class CreateOrganizationInput {
  @Field({ description: 'Registered name, 1–100 characters' })
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'must be 1–100 characters long' })
  name!: string;

  @Field(() => OrganizationType)
  @IsEnum(OrganizationType, { message: 'must be one of ENTERPRISE, UNIVERSITY, INSTITUTE, BROKER_AGENCY' })
  type!: OrganizationType;

  @Field({ description: 'GB/T 2260 code of the place of registration' })
  @Transform(trim)
  @IsString()
  @IsKnownRegionCode()
  regionCode!: string;

  @Field({ description: '18-character unified social credit code (统一社会信用代码)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeCreditCode(value) : value))
  @IsString()
  @IsCreditCode()
  creditCode!: string;
}

@ArgsType()
export class AddOrganizationMemberArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an organization id (a UUID)' })
  organizationId!: string;

  @Field({ description: 'Email of an existing account that belongs to no organization yet' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value))
  @IsString()
  @MaxLength(MAX_EMAIL_LENGTH, { message: `must be at most ${MAX_EMAIL_LENGTH} characters long` })
  @IsEmail({}, { message: 'must be a valid email address, e.g. name@example.com' })
  email!: string;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only verified (true) or unverified (false) organizations' })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}
