import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { IDENTITY_SCHEMA } from '../identity.constants';
import { tooManyFailedLogins } from './auth.errors';

export const MAX_CONSECUTIVE_FAILURES = 5;
export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const LOCKOUT_SECONDS = 15 * 60;

/**
 * Counts consecutive failed logins per email in PostgreSQL (rate-limiter-flexible's store, table
 * identity.login_throttle from the migrations), so the count survives restarts and is shared by
 * every replica. The fifth failure within the window locks the email for LOCKOUT_SECONDS; a
 * successful login clears the count.
 */
@Injectable()
export class LoginThrottle {
  private readonly limiter: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.limiter = new RateLimiterPostgres({
      storeClient: withoutStatementNames(dataSource),
      storeType: 'pool',
      schemaName: IDENTITY_SCHEMA,
      tableName: 'login_throttle',
      tableCreated: true,
      keyPrefix: 'login-email',
      points: MAX_CONSECUTIVE_FAILURES,
      duration: FAILURE_WINDOW_SECONDS,
    });
  }

  /** The store key: a hash, so the table holds no email addresses. */
  private key(email: string): string {
    return createHash('sha256').update(email, 'utf8').digest('hex');
  }

  /** Refuses with TOO_MANY_REQUESTS while the email is locked. */
  async assertAllowed(email: string): Promise<void> {
    const state = await this.limiter.get(this.key(email));
    if (state && state.consumedPoints >= MAX_CONSECUTIVE_FAILURES) {
      throw tooManyFailedLogins(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
    }
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.key(email);
    const state = await this.limiter.penalty(key, 1);
    if (state.consumedPoints >= MAX_CONSECUTIVE_FAILURES) await this.limiter.block(key, LOCKOUT_SECONDS);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.limiter.delete(this.key(email));
  }
}

interface StoreQuery {
  text: string;
  values?: unknown[];
}

/**
 * rate-limiter-flexible names its prepared statements. The embedded PostgreSQL (PGlite served over the
 * wire protocol) runs every client connection in one session, so the second pooled connection to
 * prepare `rlflx-get` fails with "prepared statement … already exists". Unnamed statements behave the
 * same on both servers.
 */
function withoutStatementNames(dataSource: DataSource): { query(query: StoreQuery): Promise<unknown> } {
  const pool = (dataSource.driver as PostgresDriver).master as { query(text: string, values?: unknown[]): Promise<unknown> };
  return { query: ({ text, values }) => pool.query(text, values) };
}
