import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role, signServiceToken } from '@ttm/auth';
import { parseConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { createTestDatabase, startRevocationFeed, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { marketplaceServiceModule } from '../marketplace-app.module';

export const TEST_JWT_SECRET = 'marketplace-test-secret-that-is-long-enough-0123456789';

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

export interface TestUser {
  id: string;
  roles: Role[];
  token: string;
}

export interface RunningMarketplace {
  app: INestApplication;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user?: TestUser | string): Promise<GraphQLResult<T>>;
  /** A signed-in user with a fresh id and an access token signed as identity would. */
  user(...roles: Role[]): Promise<TestUser>;
  serviceToken(service?: string): Promise<string>;
  sql<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  count(table: 'needs' | 'results' | 'experts' | 'outbox'): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the real marketplace service exactly as apps/marketplace does, on a free loopback port,
 * against a fresh database on the test PostgreSQL.
 */
export async function startMarketplace(env: Record<string, string> = {}): Promise<RunningMarketplace> {
  const database = await createTestDatabase('marketplace');
  // Identity's revocation list (empty): the marketplace checks every access token against it.
  const revocations = await startRevocationFeed(TEST_JWT_SECRET);
  const config = parseConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', IDENTITY_URL: revocations.serviceUrl, ...env });
  let app: INestApplication;
  try {
    app = await bootstrapSubgraph(marketplaceServiceModule(config), 'marketplace', 0);
  } catch (error) {
    await revocations.close();
    await database.drop();
    throw error;
  }
  const { port } = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const jwt = app.get(JwtService);

  const sql = database.query;

  return {
    app,
    database,
    baseUrl,
    async request<T>(query: string, variables?: Record<string, unknown>, user?: TestUser | string) {
      const token = typeof user === 'string' ? user : user?.token;
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    async user(...roles: Role[]) {
      const id = randomUUID();
      const claims: AccessTokenClaims = { sub: id, roles, typ: 'access', sid: randomUUID(), ver: 1 };
      return { id, roles, token: await jwt.signAsync(claims) };
    },
    serviceToken: (service = 'search') => signServiceToken(jwt, service),
    sql,
    async count(table) {
      const [row] = await sql<{ count: string }>(`SELECT count(*) FROM marketplace.${table}`);
      return Number(row.count);
    },
    async close() {
      await app.close();
      await revocations.close();
      await database.drop();
    },
  };
}

/** The value, or a test failure saying it was missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}, got ${String(value)}`);
  return value;
}
