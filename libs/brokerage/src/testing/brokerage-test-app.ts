import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role } from '@ttm/auth';
import { parseConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { createTestDatabase, startRevocationFeed, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { brokerageServiceModule } from '../brokerage-app.module';
import { StaticListingDirectory } from './static-listing-directory';

export const TEST_JWT_SECRET = 'brokerage-test-secret-that-is-long-enough-0123456789';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestUser {
  id: string;
  roles: Role[];
  token: string;
}

export interface RunningBrokerage {
  app: INestApplication;
  database: TestDatabase;
  directory: StaticListingDirectory;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user?: TestUser): Promise<GraphQLResult<T>>;
  user(...roles: Role[]): Promise<TestUser>;
  sql<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Starts the real brokerage service on a free port against a fresh test database. */
export async function startBrokerage(env: Record<string, string> = {}): Promise<RunningBrokerage> {
  const database = await createTestDatabase('brokerage');
  const directory = new StaticListingDirectory();
  // Identity's revocation list (empty): the brokerage checks every access token against it.
  const revocations = await startRevocationFeed(TEST_JWT_SECRET);
  const config = parseConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', IDENTITY_URL: revocations.serviceUrl, ...env });
  let app: INestApplication;
  try {
    app = await bootstrapSubgraph(brokerageServiceModule(config, { listingDirectory: directory }), 'brokerage', 0);
  } catch (error) {
    await revocations.close();
    await database.drop();
    throw error;
  }
  const { port } = app.getHttpServer().address() as { port: number };
  const jwt = app.get(JwtService);
  const sql = database.query;
  return {
    app,
    database,
    directory,
    async request<T>(query: string, variables?: Record<string, unknown>, user?: TestUser) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${user.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    async user(...roles: Role[]) {
      const id = randomUUID();
      const claims: AccessTokenClaims = { sub: id, roles, typ: 'access', sid: randomUUID(), ver: 1 };
      return { id, roles, token: await jwt.signAsync(claims) };
    },
    sql,
    async close() {
      await app.close();
      await revocations.close();
      await database.drop();
    },
  };
}

export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}, got ${String(value)}`);
  return value;
}
