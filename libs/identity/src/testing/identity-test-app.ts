import { INestApplication } from '@nestjs/common';
import { parseConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { postJsonFrom } from '@ttm/testing';
import { Client } from 'pg';
import { identityServiceModule } from '../identity-app.module';

export const TEST_JWT_SECRET = 'identity-test-secret-that-is-long-enough-0123456789';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface RunningIdentity {
  app: INestApplication;
  url: string;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<GraphQLResult<T>>;
  /** The same as an anonymous client at another address (127.0.0.2, 127.0.0.3 … are all on the loopback interface). */
  requestFrom<T = Record<string, unknown>>(localAddress: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/** Starts the real identity service (as apps/identity does) on a free loopback port. */
export async function startIdentity(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningIdentity> {
  const config = parseConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', ...env });
  const app = await bootstrapSubgraph(identityServiceModule(config), 'identity', 0);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}/graphql`;
  return {
    app,
    url,
    async request<T>(query: string, variables?: Record<string, unknown>, accessToken?: string) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    async requestFrom<T>(localAddress: string, query: string, variables?: Record<string, unknown>) {
      return (await postJsonFrom<GraphQLResult<T>>(url, { query, variables }, { localAddress })).body;
    },
    close: () => app.close(),
  };
}

/** One SQL statement against the test database, e.g. to count rows. */
export async function sql<T extends Record<string, unknown>>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function countRows(databaseUrl: string, table: string): Promise<number> {
  const [row] = await sql<{ count: string }>(databaseUrl, `SELECT count(*) FROM identity.${table}`);
  return Number(row.count);
}

/** The data of a result that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.data;
}
