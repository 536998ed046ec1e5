import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The real PostgreSQL the tests run against; CI starts it before the suite. */
export const TEST_POSTGRES_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  /** Runs one statement on its own connection (to look at or arrange rows behind the service's back). */
  query<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database per suite, so suites never see each other's rows. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `ttm_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = withDatabase(TEST_POSTGRES_URL, name);
  return {
    url,
    async query<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
