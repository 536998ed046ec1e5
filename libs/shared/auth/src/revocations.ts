import { Logger } from '@nestjs/common';
import { AppError, ErrorCode } from '@ttm/errors';
import { ACCESS_TOKEN_TTL_SECONDS } from './tokens';

/** Identity's internal route (service token) that serves the revocation list to the other services. */
export const REVOCATIONS_PATH = '/internal/revocations';

/**
 * How long identity keeps serving a revocation: the access-token lifetime (older tokens have expired
 * anyway) plus a minute for hosts whose clocks differ and for a token signed while its session was
 * being ended in a concurrent transaction.
 */
export const REVOCATION_RETENTION_SECONDS = ACCESS_TOKEN_TTL_SECONDS + 60;

/** The revocation list as identity serves it: only entries younger than REVOCATION_RETENTION_SECONDS. */
export interface RevocationListPage {
  /** Sessions that have ended: every access token naming one (`sid`) is refused. */
  sessions: string[];
  /** Users whose access tokens were cut off (a role change): tokens with `ver` below `tokenVersion` are refused. */
  users: { id: string; tokenVersion: number }[];
}

/** Why a verified access token no longer counts. */
export enum Revocation {
  /** Signed out, password changed, signed out everywhere by an administrator, or a replayed refresh token. */
  SESSION_ENDED = 'SESSION_ENDED',
  /** The user's roles changed after the token was issued; a refresh gives a token with the current roles. */
  ROLES_CHANGED = 'ROLES_CHANGED',
}

/** What of an access token decides whether it was revoked. */
export interface TokenSession {
  sub: string;
  sid: string;
  ver: number;
}

/**
 * Answers whether an access token was revoked. Identity consults its own tables; every other service
 * follows identity's list (RevocationList).
 */
export interface RevocationCheck {
  revocationOf(token: TokenSession): Promise<Revocation | null>;
}

export const REVOCATION_CHECK = Symbol('REVOCATION_CHECK');

/** A list, indexed for lookups. */
export class IndexedRevocations {
  private readonly sessions: ReadonlySet<string>;
  private readonly versions: ReadonlyMap<string, number>;

  constructor(page: RevocationListPage) {
    this.sessions = new Set(page.sessions);
    this.versions = new Map(page.users.map((user) => [user.id, user.tokenVersion]));
  }

  get size(): number {
    return this.sessions.size + this.versions.size;
  }

  revocationOf(token: TokenSession): Revocation | null {
    if (this.sessions.has(token.sid)) return Revocation.SESSION_ENDED;
    const version = this.versions.get(token.sub);
    return version !== undefined && token.ver < version ? Revocation.ROLES_CHANGED : null;
  }
}

export interface RevocationListOptions {
  /** Fetches identity's current list (in the services: GET REVOCATIONS_PATH with a service token). */
  load: () => Promise<RevocationListPage>;
  /** A list older than this is fetched again before a token is checked. */
  maxAgeMs?: number;
  /** While identity is unreachable, the warning is repeated at most this often. */
  warnEveryMs?: number;
  logger?: Pick<Logger, 'warn' | 'log'>;
}

/**
 * A request reaching a service this long after identity committed a revocation is checked against a
 * list fetched after the commit; under a second, so that a revocation holds everywhere within one
 * second, at the cost of about 1.3 list fetches per second per busy process.
 */
export const REVOCATION_LIST_MAX_AGE_MS = 750;

const checksUnavailable = () =>
  new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'Signed-in requests cannot be checked yet: the identity service has not been reachable since this service started; try again in a moment',
  );

/**
 * Identity's revocation list, as one service process knows it. A token is checked against a list at
 * most `maxAgeMs` old: when the list is older, the check waits for a new one, and concurrent checks
 * share that one fetch (at most one call per `maxAgeMs` per process however busy it is). A revocation
 * committed by identity is therefore enforced by every process within a second.
 *
 * Failure mode: when identity cannot be reached, checks go on against the last list fetched, a
 * warning is logged, and identity is asked again in the background (at most once per `maxAgeMs`).
 * Revocations are written only by identity — logout, role changes, password changes and "sign out
 * everywhere" all run there — so while identity is down no new revocation can be made, and the last
 * list misses at most what was revoked in the second before the outage. Refusing every token instead
 * would turn an identity outage into an outage of every signed-in page of every service, while adding
 * almost no protection. Before the first list has arrived there is nothing to fall back on, so tokens
 * are refused (SERVICE_UNAVAILABLE) until identity answers once; requests without a token still work.
 */
export class RevocationList implements RevocationCheck {
  private readonly maxAgeMs: number;
  private readonly warnEveryMs: number;
  private readonly logger: Pick<Logger, 'warn' | 'log'>;
  private known: IndexedRevocations | null = null;
  /** When the fetch that produced `known` started: the list holds every revocation committed before. */
  private knownSince = Number.NEGATIVE_INFINITY;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private unreachableSince: number | null = null;
  private lastWarningAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(private readonly options: RevocationListOptions) {
    this.maxAgeMs = options.maxAgeMs ?? REVOCATION_LIST_MAX_AGE_MS;
    this.warnEveryMs = options.warnEveryMs ?? 30_000;
    this.logger = options.logger ?? new Logger('RevocationList');
  }

  async revocationOf(token: TokenSession): Promise<Revocation | null> {
    const list = await this.current();
    return list.revocationOf(token);
  }

  /** A list fresh enough to decide with (see the class comment for when identity is unreachable). */
  private async current(): Promise<IndexedRevocations> {
    const now = Date.now();
    if (this.known && now - this.knownSince < this.maxAgeMs) return this.known;
    if (this.known && this.unreachableSince !== null) {
      if (now - this.lastAttemptAt >= this.maxAgeMs) void this.reload();
      return this.known;
    }
    await this.reload();
    if (!this.known) throw checksUnavailable();
    return this.known;
  }

  /** One fetch at a time; every caller waiting meanwhile shares it. */
  private reload(): Promise<void> {
    this.loading ??= this.fetch().finally(() => (this.loading = null));
    return this.loading;
  }

  private async fetch(): Promise<void> {
    const startedAt = Date.now();
    this.lastAttemptAt = startedAt;
    try {
      const page = await this.options.load();
      this.known = new IndexedRevocations(page);
      this.knownSince = startedAt;
      if (this.unreachableSince !== null) {
        this.logger.log(`the identity service answers again; revocation list refreshed (${this.known.size} entries)`);
      }
      this.unreachableSince = null;
    } catch (error) {
      this.unreachableSince ??= startedAt;
      if (startedAt - this.lastWarningAt >= this.warnEveryMs) {
        this.lastWarningAt = startedAt;
        const reason = error instanceof Error ? error.message : String(error);
        const age = this.known ? `the list from ${Math.round((startedAt - this.knownSince) / 1000)} s ago` : 'no list yet (signed-in requests are refused)';
        this.logger.warn(`cannot fetch the revocation list from the identity service (${reason}); checking tokens against ${age}`);
      }
    }
  }
}
