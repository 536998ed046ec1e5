import { AppError, badInput, ErrorCode, unauthenticated } from '@ttm/errors';
import { RotationDecision } from './refresh-token-rules';

/** The same answer for an unknown email and a wrong password, so accounts cannot be discovered. */
export const invalidCredentials = () => unauthenticated('Email or password is incorrect');

export const missingCredentials = () =>
  badInput('email and password are both required', { fields: ['email', 'password'] });

/** Says when to retry, never whether the email has an account (unknown emails are counted alike). */
export const tooManyFailedLogins = (retryAfterSeconds: number) =>
  new AppError(
    ErrorCode.TOO_MANY_REQUESTS,
    `Too many failed sign-in attempts: wait ${retryAfterSeconds} seconds before trying again`,
    { retryAfterSeconds },
  );

const REFRESH_REFUSALS: Record<Exclude<RotationDecision, 'ROTATE'>, string> = {
  UNKNOWN: 'The refresh token is not valid: sign in again',
  EXPIRED: 'The refresh token has expired: sign in again',
  REVOKED: 'The refresh token has been revoked (signed out): sign in again',
  REUSED:
    'This refresh token was already used once; as a precaution every session started from the same sign-in has been ended: sign in again',
};

export const refreshRefused = (decision: Exclude<RotationDecision, 'ROTATE'>) => unauthenticated(REFRESH_REFUSALS[decision]);

export const logoutNeedsSomething = () =>
  unauthenticated('Pass the refreshToken of the session to end, or send a valid access token to sign out everywhere');

export const wrongCurrentPassword = () =>
  badInput('currentPassword: this is not your current password; type the password you signed in with', { field: 'currentPassword' });

export const passwordUnchanged = () =>
  badInput('newPassword: must differ from your current password', { field: 'newPassword' });
