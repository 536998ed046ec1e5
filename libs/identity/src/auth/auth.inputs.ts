import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Role, SELF_REGISTRABLE_ROLES } from '@ttm/auth';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { MAX_EMAIL_LENGTH, normalizeEmail } from '../common/email';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../users/password-policy';

const toEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value);

@InputType()
export class RegisterInput {
  @Field({ description: 'Used to sign in; stored in lower case' })
  @Transform(toEmail)
  @IsString()
  @MaxLength(MAX_EMAIL_LENGTH, { message: `must be at most ${MAX_EMAIL_LENGTH} characters long` })
  @IsEmail({}, { message: 'must be a valid email address, e.g. name@example.com' })
  email!: string;

  @Field({ description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters with at least one letter and one digit` })
  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @Field({ description: 'Name shown to others, 1–50 characters' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 50, { message: 'must be 1–50 characters long' })
  displayName!: string;

  @Field(() => Role, { description: 'ENTERPRISE, RESEARCHER or BROKER (ADMIN is granted by an administrator)' })
  @IsIn(SELF_REGISTRABLE_ROLES, {
    message: `must be one of ${SELF_REGISTRABLE_ROLES.join(', ')}; ${Role.ADMIN} is only granted by an administrator`,
  })
  role!: Role;
}

/** Checked by passport-local (LocalStrategy) before the resolver runs. */
@InputType()
export class LoginInput {
  @Field()
  @IsString()
  email!: string;

  @Field()
  @IsString()
  password!: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The password the account signs in with now' })
  @IsString()
  @IsNotEmpty({ message: 'is required' })
  // No password is longer than the policy allows; this keeps huge inputs away from argon2.
  @MaxLength(PASSWORD_MAX_LENGTH * 2, { message: `is longer than any password (at most ${PASSWORD_MAX_LENGTH} characters)` })
  currentPassword!: string;

  @Field({ description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters with at least one letter and one digit` })
  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}

@ArgsType()
export class SignOutEverywhereArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a user id (a UUID)' })
  userId!: string;
}
