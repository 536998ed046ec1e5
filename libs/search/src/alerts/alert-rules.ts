/** Every tunable of alerts in one place. */
import { SAVED_SEARCH_LIMITS } from '@ttm/taxonomy';

/** Counterpart listings looked at per new listing and kind (their owners may be alerted). */
export const ALERT_MATCHES_PER_KIND = 10;
/** A counterpart is alerted only when the pair's match score reaches this (scores are in [0, 1]). */
export const ALERT_MIN_SCORE = 0.35;
/** Saved searches one user may keep. */
export const MAX_SAVED_SEARCHES_PER_USER = 20;
// Shared with the web app's form.
export const MAX_SAVED_SEARCH_NAME_CHARS = SAVED_SEARCH_LIMITS.name.max;
/** Industries one broker may follow. */
export const MAX_FOLLOWED_INDUSTRIES = 50;
/** Saved searches evaluated against a new listing per engine round trip. */
export const SAVED_SEARCH_BATCH = 50;
/** Feed events read per alert step (each step commits once). */
export const ALERT_FEED_PAGE = 100;
export const ALERT_IDLE_POLL_MS = 1_000;
export const ALERT_MAX_BACKOFF_MS = 30_000;

/** E-mail delivery (only with SMTP_URL): how often the mailer looks for notifications not yet e-mailed. */
export const MAIL_POLL_MS = 3_000;
export const MAIL_MAX_BACKOFF_MS = 60_000;
/** Notifications claimed and sent per round; a crash between a send and its record re-sends at most these. */
export const MAIL_BATCH = 10;
/**
 * How long a claimed notification stays out of other rounds' reach while it is being sent (longer than a
 * batch's SMTP timeouts); a round that crashed leaves it to be claimed again after this.
 */
export const MAIL_CLAIM_LEASE_MS = 10 * 60_000;
/** Sends tried per notification before giving up (logged); the n-th retry waits MAIL_RETRY_BASE_MS · 2^(n-1). */
export const MAIL_MAX_ATTEMPTS = 6;
export const MAIL_RETRY_BASE_MS = 60_000;
