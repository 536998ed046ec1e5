/** Emails are compared and stored in lower case, without surrounding whitespace. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const MAX_EMAIL_LENGTH = 254;
