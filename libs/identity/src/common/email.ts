import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';

/** Emails are compared and stored in lower case, without surrounding whitespace. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const MAX_EMAIL_LENGTH = 254;

/** Validation of an address someone registers with: normalised, then checked. */
export function IsRegistrableEmail(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value)),
    IsString(),
    MaxLength(MAX_EMAIL_LENGTH, { message: `must be at most ${MAX_EMAIL_LENGTH} characters long` }),
    IsEmail({}, { message: 'must be a valid email address, e.g. name@example.com' }),
  );
}
