import { DEMO_ORGANIZATIONS } from '@ttm/demo';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { ClientError, GraphQLClient } from 'graphql-request';
import { client, failure } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, needInput, REGISTER, SUBMIT_NEED } from './support/operations';
import { CREATE_SYNONYM_GROUP } from './support/search-operations';

interface AuthPayload {
  accessToken: string;
  user: { id: string; roles: string[] };
}

interface AuditNode {
  service: string;
  action: string;
  actor: { id: string; displayName: string } | null;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  at: string;
}

interface AuditLogPage {
  auditLog: {
    totalCount: number;
    incomplete: string[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: AuditNode }[];
  };
}

const AUDIT_LOG = /* GraphQL */ `
  query AuditLog($first: Int, $after: String, $action: AuditAction) {
    auditLog(first: $first, after: $after, action: $action) {
      totalCount
      incomplete
      pageInfo { hasNextPage endCursor }
      edges { node { service action actor { id displayName } targetType targetId targetLabel before after reason at } }
    }
  }
`;
const REJECT_LISTING = /* GraphQL */ `
  mutation Reject($id: ID!, $reason: String!) { rejectListing(id: $id, reason: $reason) { __typename } }
`;
const CREATE_ORGANIZATION = /* GraphQL */ `
  mutation CreateOrganization($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }
`;
const VERIFY_ORGANIZATION = /* GraphQL */ `
  mutation Verify($id: ID!) { verifyOrganization(id: $id) { id verified } }
`;
const SET_USER_ROLES = /* GraphQL */ `
  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) { setUserRoles(userId: $userId, roles: $roles) { id roles } }
`;

/**
 * Issue 11's audit log through the gateway, on the real PostgreSQL: changes made in the identity,
 * marketplace and search services all reach one `auditLog`, newest first, for administrators only.
 */
describe('the audit log across services (PostgreSQL, through the gateway)', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  let admin: AuthPayload;
  let enterprise: AuthPayload;
  let broker: AuthPayload;
  let asAdmin: GraphQLClient;

  beforeAll(async () => {
    database = await createTestDatabase('audit_log');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'false' } });
    const anonymous = client(marketplace.url);
    admin = (await anonymous.request<{ login: AuthPayload }>(LOGIN, { input: TEST_ADMIN })).login;
    asAdmin = client(marketplace.url, admin.accessToken);
    const register = async (email: string, displayName: string, role: string) =>
      (await anonymous.request<{ register: AuthPayload }>(REGISTER, { input: { email, password: 'Audit2026pass', displayName, role } })).register;
    enterprise = await register('zhao.gong@e2e-audit.cn', '赵工', 'ENTERPRISE');
    broker = await register('qian.jingji@e2e-audit.cn', '钱经纪', 'BROKER');
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  async function needInReview(title: string): Promise<string> {
    const asEnterprise = client(marketplace.url, enterprise.accessToken);
    const { createNeed } = await asEnterprise.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput({ title }) });
    await asEnterprise.request(SUBMIT_NEED, { id: createNeed.id });
    return createNeed.id;
  }

  it('shows an approval, a rejection, a take-down, a verification, a role change and a synonym edit, newest first, with actor and before/after', async () => {
    const approved = await needInReview('经编机断纱在线检测（审计）');
    await asAdmin.request(APPROVE_LISTING, { id: approved });
    const rejected = await needInReview('印染废水回用（审计）');
    await asAdmin.request(REJECT_LISTING, { id: rejected, reason: '请补充回用率与水质指标' });
    await asAdmin.request(REJECT_LISTING, { id: approved, reason: '联系电话无法接通，暂时下架' });
    const organizationInput = { name: '海宁审计经编有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: DEMO_ORGANIZATIONS[0].creditCode };
    const { createOrganization } = await client(marketplace.url, enterprise.accessToken).request<{ createOrganization: { id: string } }>(CREATE_ORGANIZATION, {
      input: organizationInput,
    });
    await asAdmin.request(VERIFY_ORGANIZATION, { id: createOrganization.id });
    await asAdmin.request(SET_USER_ROLES, { userId: broker.user.id, roles: ['BROKER', 'ENTERPRISE'] });
    // The role change ends the broker's access tokens (they carry the old roles): it signs in again.
    broker = (await client(marketplace.url).request<{ login: AuthPayload }>(LOGIN, { input: { email: 'qian.jingji@e2e-audit.cn', password: 'Audit2026pass' } })).login;
    const { createSynonymGroup } = await asAdmin.request<{ createSynonymGroup: { id: string } }>(CREATE_SYNONYM_GROUP, { input: { terms: ['断纱检测', '断头检测'] } });

    const { auditLog } = await asAdmin.request<AuditLogPage>(AUDIT_LOG, { first: 20 });
    expect(auditLog.incomplete).toEqual([]);
    // Six actions of the test, and — oldest — the search service's import of the knowledge graph's seed at its start.
    expect(auditLog.totalCount).toBe(7);
    expect(auditLog.edges[6]?.node).toEqual(expect.objectContaining({ service: 'search', action: 'KNOWLEDGE_GRAPH_IMPORTED', actor: null }));
    const byAdmin = { id: admin.user.id, displayName: expect.any(String) };
    expect(auditLog.edges.slice(0, 6).map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        service: 'search',
        action: 'SYNONYM_GROUP_CREATED',
        actor: byAdmin,
        targetType: 'SYNONYM_GROUP',
        targetId: createSynonymGroup.id,
        before: null,
        after: { terms: ['断纱检测', '断头检测'] },
      }),
      expect.objectContaining({
        service: 'identity',
        action: 'USER_ROLES_CHANGED',
        actor: byAdmin,
        targetType: 'USER',
        targetId: broker.user.id,
        targetLabel: '钱经纪',
        before: { roles: ['BROKER'] },
        after: { roles: ['BROKER', 'ENTERPRISE'] },
      }),
      expect.objectContaining({
        service: 'identity',
        action: 'ORGANIZATION_VERIFIED',
        actor: byAdmin,
        targetId: createOrganization.id,
        targetLabel: '海宁审计经编有限公司',
        before: { verified: false, verifiedAt: null },
        after: { verified: true, verifiedAt: expect.any(String) },
      }),
      expect.objectContaining({
        service: 'marketplace',
        action: 'LISTING_TAKEN_DOWN',
        actor: byAdmin,
        targetType: 'NEED',
        targetId: approved,
        before: { status: 'PUBLISHED' },
        after: { status: 'REJECTED' },
        reason: '联系电话无法接通，暂时下架',
      }),
      expect.objectContaining({
        service: 'marketplace',
        action: 'LISTING_REJECTED',
        actor: byAdmin,
        targetId: rejected,
        targetLabel: '印染废水回用（审计）',
        before: { status: 'PENDING_REVIEW' },
        after: { status: 'REJECTED' },
        reason: '请补充回用率与水质指标',
      }),
      expect.objectContaining({
        service: 'marketplace',
        action: 'LISTING_APPROVED',
        actor: byAdmin,
        targetId: approved,
        targetLabel: '经编机断纱在线检测（审计）',
        before: { status: 'PENDING_REVIEW' },
        after: { status: 'PUBLISHED' },
        reason: null,
      }),
    ]);
    const times = auditLog.edges.map((edge) => Date.parse(edge.node.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // The same entries two at a time, with the cursor across the services' logs; and one action alone.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: AuditLogPage = await asAdmin.request<AuditLogPage>(AUDIT_LOG, { first: 2, after });
      paged.push(...page.auditLog.edges.map((edge) => edge.node.action));
      after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(auditLog.edges.map((edge) => edge.node.action));
    const approvals = await asAdmin.request<AuditLogPage>(AUDIT_LOG, { action: 'LISTING_APPROVED' });
    expect(approvals.auditLog.edges.map((edge) => edge.node.targetId)).toEqual([approved]);
  });

  it('is for administrators only, and refuses bad input with BAD_USER_INPUT', async () => {
    expect((await failure(client(marketplace.url, broker.accessToken), AUDIT_LOG, { first: 5 })).code).toBe('FORBIDDEN');
    expect((await failure(client(marketplace.url), AUDIT_LOG, { first: 5 })).code).toBe('UNAUTHENTICATED');
    expect((await failure(asAdmin, AUDIT_LOG, { first: 1000 })).code).toBe('BAD_USER_INPUT');
    const badCursor = await failure(asAdmin, AUDIT_LOG, { first: 5, after: 'bm90LWEtY3Vyc29y' });
    expect(badCursor).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('`after` cursor is not valid') });
  });

  it('never leaves zero administrators when two demote each other at the same moment', async () => {
    await asAdmin.request(SET_USER_ROLES, { userId: broker.user.id, roles: ['BROKER', 'ADMIN'] });
    const second = (await client(marketplace.url).request<{ login: AuthPayload }>(LOGIN, { input: { email: 'qian.jingji@e2e-audit.cn', password: 'Audit2026pass' } })).login;
    const results = await Promise.allSettled([
      asAdmin.request(SET_USER_ROLES, { userId: broker.user.id, roles: ['BROKER'] }),
      client(marketplace.url, second.accessToken).request(SET_USER_ROLES, { userId: admin.user.id, roles: ['BROKER'] }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    const error = (refused?.reason as ClientError).response.errors?.[0];
    // CONFLICT when both calls reached the role-change lock; a demoted caller whose session was revoked first is refused earlier.
    if (error?.extensions?.['code'] === 'CONFLICT') expect(error.message).toContain('is the last administrator');
    else expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(error?.extensions?.['code']);
    const [{ count }] = await database.query<{ count: string }>(`SELECT count(*) FROM identity.users WHERE 'ADMIN' = ANY(roles)`);
    expect(Number(count)).toBe(1);
  });
});
