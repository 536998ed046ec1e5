import { AppError, badInput, ErrorCode } from '@ttm/errors';

/** The same answer for every address, new or registered: only the mailbox owner can get past it. */
export const emailCodeRefused = () =>
  badInput('emailCode: the verification code is wrong or has expired; request a new code and enter the 6 digits from the e-mail', {
    field: 'emailCode',
  });

export const emailCodeMissing = () =>
  badInput('emailCode: enter the verification code e-mailed to you (request one with requestRegistrationCode)', { field: 'emailCode' });

export const emailCodesNotSent = () =>
  badInput('This marketplace sends no e-mail (SMTP_URL is not set): register without an emailCode');

export const tooManyCodeRequests = (retryAfterSeconds: number) =>
  new AppError(
    ErrorCode.TOO_MANY_REQUESTS,
    `Too many verification codes requested: wait ${retryAfterSeconds} seconds before asking again`,
    { retryAfterSeconds },
  );
