import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role, signServiceToken } from '@ttm/auth';
import { parseConfig } from '@ttm/config';
import { bootstrapSubgraph } from '@ttm/graphql';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchServiceModule } from '../search-app.module';
import { InternalRoutesServer, startInternalRoutes } from '../testing/internal-routes-server';

const JWT_SECRET = 'synonym-audit-test-secret-long-enough-0123456789';

const CREATE = `mutation ($terms: [String!]!) { createSynonymGroup(input: { terms: $terms }) { id terms } }`;
const UPDATE = `mutation ($id: ID!, $terms: [String!]!) { updateSynonymGroup(id: $id, input: { terms: $terms }) { id terms } }`;
const DELETE = `mutation ($id: ID!) { deleteSynonymGroup(id: $id) }`;

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface AuditRow extends Record<string, unknown> {
  actor_id: string;
  action: string;
  target_type: string;
  target_id: string;
  target_label: string;
  before: { terms: string[] } | null;
  after: { terms: string[] } | null;
}

/**
 * Synonym group edits write search.audit_log in their own transaction (the real search service on
 * PostgreSQL). A group is a knowledge-graph concept flagged search_synonyms; its id is the concept's.
 */
describe('the synonym audit log of the search service', () => {
  let database: TestDatabase;
  let dataDir: string;
  let marketplace: InternalRoutesServer;
  let app: INestApplication;
  let baseUrl: string;
  let adminId: string;
  let adminToken: string;

  beforeAll(async () => {
    database = await createTestDatabase('synonym_audit');
    dataDir = await mkdtemp(join(tmpdir(), 'ttm-synonym-audit-'));
    marketplace = await startInternalRoutes({ snapshot: [], historyHead: 0, jwtSecret: JWT_SECRET });
    const config = parseConfig({ DATABASE_URL: database.url, JWT_SECRET, NODE_ENV: 'test', DATA_DIR: dataDir, MARKETPLACE_URL: marketplace.serviceUrl, IDENTITY_URL: marketplace.serviceUrl });
    app = await bootstrapSubgraph(searchServiceModule(config), 'search', 0);
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    adminId = randomUUID();
    const claims: AccessTokenClaims = { sub: adminId, roles: [Role.ADMIN], typ: 'access', sid: randomUUID(), ver: 1 };
    adminToken = await app.get(JwtService).signAsync(claims);
  });

  afterAll(async () => {
    await app?.close();
    await marketplace?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function request<T>(query: string, variables: Record<string, unknown>): Promise<GraphQLResult<T>> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  const entries = () =>
    database.query<AuditRow>(`SELECT actor_id, action, target_type, target_id, target_label, before, after FROM search.audit_log WHERE actor_id IS NOT NULL ORDER BY at, id`);

  it('records a create, an update and a delete with the terms before and after', async () => {
    const created = await request<{ createSynonymGroup: { id: string } }>(CREATE, { terms: ['经编蜂窝网眼布', '蜂巢经编布'] });
    expect(created.errors).toBeUndefined();
    const id = created.data?.createSynonymGroup.id;
    expect((await request(UPDATE, { id, terms: ['经编蜂窝网眼布', '蜂巢经编布', '蜂巢网布'] })).errors).toBeUndefined();
    expect((await request(DELETE, { id })).errors).toBeUndefined();

    expect(await entries()).toEqual([
      {
        actor_id: adminId,
        action: 'SYNONYM_GROUP_CREATED',
        target_type: 'SYNONYM_GROUP',
        target_id: id,
        target_label: '经编蜂窝网眼布、蜂巢经编布',
        before: null,
        after: { terms: ['经编蜂窝网眼布', '蜂巢经编布'] },
      },
      expect.objectContaining({
        action: 'SYNONYM_GROUP_UPDATED',
        before: { terms: ['经编蜂窝网眼布', '蜂巢经编布'] },
        after: { terms: ['经编蜂窝网眼布', '蜂巢经编布', '蜂巢网布'] },
      }),
      expect.objectContaining({ action: 'SYNONYM_GROUP_DELETED', target_label: '经编蜂窝网眼布、蜂巢经编布、蜂巢网布', after: null }),
    ]);
    // The group was a concept of its own (nothing else named those terms): it went with the group.
    expect(await database.query(`SELECT deleted_at IS NOT NULL AS deleted, origin FROM knowledge.concepts WHERE id = $1`, [id])).toEqual([{ deleted: true, origin: 'SYNONYMS' }]);
  });

  it('lists the synonym list moved into the graph, and refuses a term another concept names', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ synonymGroups { id terms } }' }),
    });
    const groups = ((await response.json()) as { data: { synonymGroups: { id: string; terms: string[] }[] } }).data.synonymGroups;
    // A default group joined the seed concept that has its first term as a label.
    expect(groups).toContainEqual({ id: 'machine-vision', terms: expect.arrayContaining(['机器视觉', 'machine vision']) });
    expect(groups.length).toBeGreaterThan(80);
    // 视觉质检 is a (hidden) label of machine-vision-inspection, 深度学习 the name of deep-learning.
    const refused = await request(CREATE, { terms: ['视觉质检', '深度学习'] });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('deep-learning') });
    const joined = await request<{ createSynonymGroup: { id: string; terms: string[] } }>(CREATE, { terms: ['视觉质检', '人工目检替代'] });
    expect(joined.data?.createSynonymGroup).toEqual({ id: 'machine-vision-inspection', terms: expect.arrayContaining(['机器视觉检测', '视觉质检', '人工目检替代']) });
  });

  it('rolls the entry back with an edit the whole list refuses (a term already in another group)', async () => {
    const before = (await entries()).length;
    const refused = await request(CREATE, { terms: ['光伏电池', '光电池'] });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('appears in two groups') });
    expect(await entries()).toHaveLength(before);
    expect(await database.query(`SELECT 1 FROM knowledge.labels WHERE value = '光电池'`)).toEqual([]);
  });

  it('rolls the edit back when its audit entry cannot be written', async () => {
    await database.query(`CREATE FUNCTION search.refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
    await database.query(`CREATE TRIGGER refuse_audit BEFORE INSERT ON search.audit_log FOR EACH ROW EXECUTE FUNCTION search.refuse_audit()`);
    try {
      expect((await request(CREATE, { terms: ['断纱检测', '断头检测'] })).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await database.query(`DROP TRIGGER refuse_audit ON search.audit_log`);
    }
    expect(await database.query(`SELECT 1 FROM knowledge.labels WHERE value = '断头检测'`)).toEqual([]);
  });

  it('serves its entries on GET /internal/audit to services', async () => {
    const token = await signServiceToken(app.get(JwtService), 'identity');
    const response = await fetch(`${baseUrl}/internal/audit?first=10&action=SYNONYM_GROUP_UPDATED`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { entries: { action: string; actorId: string }[]; totalCount: number };
    expect(page.totalCount).toBe(1);
    expect(page.entries).toEqual([expect.objectContaining({ action: 'SYNONYM_GROUP_UPDATED', actorId: adminId })]);
  });
});
