import { ValidateBy, ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Why a password is refused, as advice to the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return `must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long (got ${length})`;
  }
  if (!/\p{L}/u.test(password)) return 'must contain at least one letter';
  if (!/\p{Nd}/u.test(password)) return 'must contain at least one digit';
  return null;
}

/** class-validator rule for the password policy; the message says exactly what is missing. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAcceptablePassword',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string' ? (passwordProblem(args.value) ?? 'is not acceptable') : 'must be a string',
      },
    },
    options,
  );
}
