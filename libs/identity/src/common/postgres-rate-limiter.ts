import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { IDENTITY_SCHEMA } from '../identity.constants';

export interface RateLimiterTable {
  /** A table of rate-limiter-flexible's layout (key, points, expire) in the identity schema, created by a migration. */
  tableName: string;
  keyPrefix: string;
  points: number;
  /** Seconds from the first counted point until the count starts again. */
  duration: number;
}

/**
 * rate-limiter-flexible's PostgreSQL store over the service's own pool, so counts survive restarts and
 * are shared by every replica. The table is made by the migrations (the service needs no DDL rights).
 */
export function postgresRateLimiter(dataSource: DataSource, table: RateLimiterTable): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: withoutStatementNames(dataSource),
    storeType: 'pool',
    schemaName: IDENTITY_SCHEMA,
    tableName: table.tableName,
    tableCreated: true,
    keyPrefix: table.keyPrefix,
    points: table.points,
    duration: table.duration,
  });
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
