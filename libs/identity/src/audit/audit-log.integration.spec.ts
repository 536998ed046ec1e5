import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AUDIT_ENTITIES, AuditAction, AuditModule, AuditTargetType, createAuditLogTable, dropAuditLogTable, recordAudit } from '@ttm/audit';
import { AuthModule } from '@ttm/auth';
import { DatabaseModule } from '@ttm/database';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { createServer, Server, Socket } from 'node:net';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { craftedCreditCode, uniqueEmail } from '../testing/fixtures';
import { dataOf, RunningIdentity, startIdentity, TEST_JWT_SECRET } from '../testing/identity-test-app';
import { AuthPayloadResult, CREATE_ORGANIZATION, LOGIN, REFRESH, REGISTER, SET_ROLES, VERIFY } from '../testing/operations';
import { AUDIT_SOURCE_TIMEOUT_MS } from './audit-log.service';

const ADMIN = { email: 'audit.admin@identity.test', password: 'Admin-2026-audit-log' };

const AUDIT_LOG = `query AuditLog($first: Int, $after: String, $action: AuditAction, $actorId: ID, $targetId: ID) {
  auditLog(first: $first, after: $after, action: $action, actorId: $actorId, targetId: $targetId) {
    totalCount incomplete
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at service action actorId actor { id displayName } targetType targetId targetLabel before after reason } }
  }
}`;

interface AuditNode {
  id: string;
  at: string;
  service: string;
  action: string;
  actorId: string | null;
  actor: { id: string; displayName: string } | null;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

interface AuditLogPage {
  auditLog: { totalCount: number; incomplete: string[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: AuditNode }[] };
}

/**
 * A service that keeps an audit log in its own schema and serves it as the marketplace and search do:
 * the shared AuditModule's `GET /internal/audit` over TypeORM on PostgreSQL (no GraphQL, so it can
 * share this process with the identity subgraph).
 */
async function startAuditSource(url: string, schema: string): Promise<INestApplication> {
  class SourceAuditLog1767830400000 implements MigrationInterface {
    name = 'SourceAuditLog1767830400000';
    up = (queryRunner: QueryRunner) => createAuditLogTable(queryRunner, schema);
    down = (queryRunner: QueryRunner) => dropAuditLogTable(queryRunner, schema);
  }
  @Module({
    imports: [
      // Only service tokens reach this route, so no access token is ever checked against revocations.
      AuthModule.forRoot(TEST_JWT_SECRET, { useFactory: () => ({ revocationOf: () => Promise.resolve(null) }) }),
      DatabaseModule.forService({ url, schema, entities: AUDIT_ENTITIES, migrations: [SourceAuditLog1767830400000], poolSize: 2 }),
      AuditModule,
    ],
  })
  class AuditSourceModule {}
  const app = await NestFactory.create(AuditSourceModule, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

const graphqlUrlOf = (app: INestApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;

describe('auditLog: the audit log of every service, merged by identity (real services, real PostgreSQL)', () => {
  let database: TestDatabase;
  let marketplace: INestApplication;
  let search: INestApplication;
  let identity: RunningIdentity;
  let admin: AuthPayloadResult;
  let broker: AuthPayloadResult;

  beforeAll(async () => {
    database = await createTestDatabase('identity_audit_log');
    marketplace = await startAuditSource(database.url, 'marketplace');
    search = await startAuditSource(database.url, 'search');
    identity = await startIdentity(database.url, {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      MARKETPLACE_URL: graphqlUrlOf(marketplace),
      SEARCH_URL: graphqlUrlOf(search),
    });
    admin = dataOf(await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: ADMIN })).login;
    broker = dataOf(
      await identity.request<{ register: AuthPayloadResult }>(REGISTER, {
        input: { email: uniqueEmail('audit.broker'), password: 'Passw0rd!', displayName: '审计经纪人', role: 'BROKER' },
      }),
    ).register;

    // Changes in all three services, interleaved in time: identity's through its API, the others' as their services record them.
    const record = (source: INestApplication, action: AuditAction, targetType: AuditTargetType, label: string, actorId: string | null = admin.user.id) =>
      source.get(DataSource).transaction((manager) =>
        recordAudit(manager, { actorId, action, targetType, targetId: randomUUID(), targetLabel: label, before: { status: 'PENDING_REVIEW' }, after: { status: 'PUBLISHED' } }),
      );
    await record(marketplace, AuditAction.LISTING_APPROVED, AuditTargetType.NEED, '需求一');
    dataOf(await identity.request(SET_ROLES, { userId: broker.user.id, roles: ['BROKER', 'ENTERPRISE'] }, admin.accessToken));
    // The role change ends the broker's access token; a refresh carries the new roles.
    broker = dataOf(await identity.request<{ refreshToken: AuthPayloadResult }>(REFRESH, { token: broker.refreshToken })).refreshToken;
    await record(search, AuditAction.SYNONYM_GROUP_CREATED, AuditTargetType.SYNONYM_GROUP, '断纱检测、断头检测');
    await record(marketplace, AuditAction.LISTING_REJECTED, AuditTargetType.RESULT, '成果一');
    const input = { name: '海宁审计日志科技有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: craftedCreditCode(8801) };
    const organization = dataOf(await identity.request<{ createOrganization: { id: string } }>(CREATE_ORGANIZATION, { input }, broker.accessToken));
    dataOf(await identity.request(VERIFY, { id: organization.createOrganization.id }, admin.accessToken));
    await record(marketplace, AuditAction.LISTING_APPROVED, AuditTargetType.CHALLENGE, '榜单一', broker.user.id);
    await record(search, AuditAction.SYNONYM_GROUP_UPDATED, AuditTargetType.SYNONYM_GROUP, '光伏电池、太阳能电池');
    // Entries of the same millisecond in every service: the order across services falls back to the id.
    for (const schema of ['identity', 'marketplace', 'search', 'marketplace', 'identity']) {
      await database.query(
        `INSERT INTO ${schema}.audit_log (at, actor_id, action, target_type, target_id, target_label) VALUES ('2026-01-01T00:00:00.000Z', $1, 'LISTING_TAKEN_DOWN', 'NEED', $2, '同一毫秒')`,
        [admin.user.id, randomUUID()],
      );
    }
  });

  afterAll(async () => {
    await identity?.close();
    await marketplace?.close();
    await search?.close();
    await database?.drop();
  });

  /** Every entry of the three schemas in the order the log promises, read straight from PostgreSQL. */
  const everyEntry = () =>
    database.query<{ id: string; service: string }>(`
      SELECT id::text, 'identity' AS service, at FROM identity.audit_log
      UNION ALL SELECT id::text, 'marketplace', at FROM marketplace.audit_log
      UNION ALL SELECT id::text, 'search', at FROM search.audit_log
      ORDER BY at DESC, id DESC`);

  async function readAll(variables: Record<string, unknown>, first: number): Promise<{ nodes: AuditNode[]; pages: number; totals: number[] }> {
    const nodes: AuditNode[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: AuditLogPage = dataOf(await identity.request<AuditLogPage>(AUDIT_LOG, { ...variables, first, after }, admin.accessToken));
      expect(page.auditLog.incomplete).toEqual([]);
      nodes.push(...page.auditLog.edges.map((edge) => edge.node));
      totals.push(page.auditLog.totalCount);
      pages += 1;
      after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null;
    } while (after);
    return { nodes, pages, totals };
  }

  it('pages newest first through every service, each entry once, with a cursor that works across the merge', async () => {
    const expected = await everyEntry();
    expect(expected.length).toBe(12);
    for (const first of [1, 3, 100]) {
      const { nodes, pages, totals } = await readAll({}, first);
      expect(nodes.map((node) => [node.service, node.id])).toEqual(expected.map((row) => [row.service, row.id]));
      expect(pages).toBe(Math.ceil(expected.length / first));
      expect(new Set(totals)).toEqual(new Set([expected.length]));
    }
  });

  it('resolves the actor to a User and shows the change before and after', async () => {
    const { nodes } = await readAll({ targetId: broker.user.id }, 10);
    expect(nodes).toEqual([
      expect.objectContaining({
        service: 'identity',
        action: 'USER_ROLES_CHANGED',
        actor: { id: admin.user.id, displayName: expect.any(String) },
        targetType: 'USER',
        targetLabel: '审计经纪人',
        before: { roles: ['BROKER'] },
        after: { roles: ['BROKER', 'ENTERPRISE'] },
      }),
    ]);
  });

  it('filters by action and by actor in every service', async () => {
    const approvals = await readAll({ action: 'LISTING_APPROVED' }, 1);
    expect(approvals.nodes.map((node) => node.targetLabel)).toEqual(['榜单一', '需求一']);
    const byBroker = await readAll({ actorId: broker.user.id }, 5);
    expect(byBroker.nodes.map((node) => [node.service, node.targetLabel, node.actor?.id])).toEqual([['marketplace', '榜单一', broker.user.id]]);
    const byAdmin = await readAll({ actorId: admin.user.id.toUpperCase() }, 100);
    expect(new Set(byAdmin.nodes.map((node) => node.service))).toEqual(new Set(['identity', 'marketplace', 'search']));
  });

  it('refuses bad input with BAD_USER_INPUT and everyone but administrators', async () => {
    const code = async (variables: Record<string, unknown>, token?: string) =>
      (await identity.request(AUDIT_LOG, variables, token)).errors?.[0]?.extensions?.code;
    expect(await code({ first: 1000 }, admin.accessToken)).toBe('BAD_USER_INPUT');
    expect(await code({ first: 0 }, admin.accessToken)).toBe('BAD_USER_INPUT');
    const badCursor = await identity.request(AUDIT_LOG, { after: 'not-a-cursor' }, admin.accessToken);
    expect(badCursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('`after` cursor is not valid') });
    expect(await code({ actorId: 'someone' }, admin.accessToken)).toBe('BAD_USER_INPUT');
    expect(await code({ action: 'DROP_TABLE' }, admin.accessToken)).toBe('BAD_USER_INPUT');
    expect(await code({}, broker.accessToken)).toBe('FORBIDDEN');
    expect(await code({})).toBe('UNAUTHENTICATED');
  });

  it('answers with the other services, and names the one it could not read, when a service hangs or is down', async () => {
    const everything = await everyEntry();
    const withoutSearch = everything.filter((row) => row.service !== 'search');

    // A search service that accepts connections and never answers: the log waits its timeout, then goes without it.
    const held: Socket[] = [];
    const hanging: Server = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}/graphql`;
    const degraded = await startIdentity(database.url, { MARKETPLACE_URL: graphqlUrlOf(marketplace), SEARCH_URL: hangingUrl });
    try {
      const started = Date.now();
      const slow = dataOf(await degraded.request<AuditLogPage>(AUDIT_LOG, { first: 100 }, admin.accessToken)).auditLog;
      expect(Date.now() - started).toBeLessThan(AUDIT_SOURCE_TIMEOUT_MS + 3_000);
      expect(slow.incomplete).toEqual(['search']);
      expect(slow.edges.map((edge) => edge.node.id)).toEqual(withoutSearch.map((row) => row.id));
    } finally {
      await degraded.close();
      held.forEach((socket) => socket.destroy());
      await new Promise((resolve) => hanging.close(resolve));
    }

    await search.close();
    const down = dataOf(await identity.request<AuditLogPage>(AUDIT_LOG, { first: 100 }, admin.accessToken)).auditLog;
    expect(down.incomplete).toEqual(['search']);
    expect(down.totalCount).toBe(withoutSearch.length);
    expect(down.edges.map((edge) => edge.node.id)).toEqual(withoutSearch.map((row) => row.id));
  });
});
