import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Role, SELF_REGISTRABLE_ROLES } from '@ttm/auth';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsRegistrableEmail } from '../common/email';
import { REGISTRATION_CODE } from '../registration/registration-rules';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../users/password-policy';

@InputType()
export class RegisterInput {
  @Field({ description: 'Used to sign in; stored in lower case' })
  @IsRegistrableEmail()
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

  @Field(() => String, {
    nullable: true,
    description:
      'The code e-mailed by requestRegistrationCode; required when registrationOptions.emailCodeRequired (the marketplace sends e-mail), ignored otherwise',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(new RegExp(`^\\d{${REGISTRATION_CODE.digits}}$`), { message: `must be the ${REGISTRATION_CODE.digits} digits from the e-mail` })
  emailCode?: string | null;
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
