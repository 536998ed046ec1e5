import { Role } from '@ttm/auth';
import { challengeInput } from '../challenge/challenge-fixtures';
import { needInput } from '../testing/fixtures';
import { must, RunningMarketplace, startMarketplace, TestUser } from '../testing/marketplace-test-app';

const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id title } }`;
const SUBMIT_NEED = `mutation ($id: ID!) { submitNeed(id: $id) { id status } }`;
const CREATE_CHALLENGE = `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id title } }`;
const PUBLISH_CHALLENGE = `mutation ($id: ID!) { publishChallenge(id: $id) { id status } }`;
const APPROVE = `mutation ($id: ID!) { approveListing(id: $id) { __typename ... on Need { status } ... on Challenge { status } } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectListing(id: $id, reason: $reason) { __typename ... on Need { status } ... on Challenge { status } } }`;

interface AuditRow extends Record<string, unknown> {
  actor_id: string;
  action: string;
  target_type: string;
  target_id: string;
  target_label: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason: string | null;
}

interface AuditPageBody {
  entries: { id: string; at: string; action: string; targetId: string; actorId: string; reason: string | null }[];
  hasMore: boolean;
  totalCount: number;
}

/** Approvals, rejections and take-downs write marketplace.audit_log in their own transaction (real service, real PostgreSQL). */
describe('the moderation audit log of the marketplace', () => {
  let marketplace: RunningMarketplace;
  let enterprise: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    marketplace = await startMarketplace();
    enterprise = await marketplace.user(Role.ENTERPRISE);
    admin = await marketplace.user(Role.ADMIN);
  });

  afterAll(async () => {
    await marketplace?.close();
  });

  async function ok<T>(query: string, variables: Record<string, unknown>, user: TestUser): Promise<T> {
    const result = await marketplace.request<T>(query, variables, user);
    expect(result.errors).toBeUndefined();
    return must(result.data);
  }

  async function needInReview(title: string): Promise<string> {
    const { createNeed } = await ok<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput({ title }) }, enterprise);
    await ok(SUBMIT_NEED, { id: createNeed.id }, enterprise);
    return createNeed.id;
  }

  const entriesFor = (targetId: string) =>
    marketplace.sql<AuditRow>(
      `SELECT actor_id, action, target_type, target_id, target_label, before, after, reason FROM marketplace.audit_log WHERE target_id = $1 ORDER BY at, id`,
      [targetId],
    );

  async function internalAudit(query: string, token?: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${marketplace.baseUrl}/internal/audit?${query}`, {
      headers: { authorization: `Bearer ${token ?? (await marketplace.serviceToken('identity'))}` },
    });
    return { status: response.status, body: await response.json() };
  }

  it('records an approval, a rejection and a take-down of a need, with the administrator, the statuses and the reason', async () => {
    const approved = await needInReview('经编机断纱检测（审计·通过后下架）');
    await ok(APPROVE, { id: approved }, admin);
    await ok(REJECT, { id: approved, reason: '联系方式失效，请更新后重新提交' }, admin);
    const rejected = await needInReview('经编机断纱检测（审计·驳回）');
    await ok(REJECT, { id: rejected, reason: '请写明检出率等可量化指标' }, admin);

    expect(await entriesFor(approved)).toEqual([
      {
        actor_id: admin.id,
        action: 'LISTING_APPROVED',
        target_type: 'NEED',
        target_id: approved,
        target_label: '经编机断纱检测（审计·通过后下架）',
        before: { status: 'PENDING_REVIEW' },
        after: { status: 'PUBLISHED' },
        reason: null,
      },
      expect.objectContaining({
        action: 'LISTING_TAKEN_DOWN',
        before: { status: 'PUBLISHED' },
        after: { status: 'REJECTED' },
        reason: '联系方式失效，请更新后重新提交',
      }),
    ]);
    expect(await entriesFor(rejected)).toEqual([
      expect.objectContaining({ action: 'LISTING_REJECTED', before: { status: 'PENDING_REVIEW' }, after: { status: 'REJECTED' }, reason: '请写明检出率等可量化指标' }),
    ]);
  });

  it('records the same for a challenge, as target type CHALLENGE', async () => {
    const { createChallenge } = await ok<{ createChallenge: { id: string } }>(CREATE_CHALLENGE, { input: challengeInput({ title: '审计用榜单：断纱检测攻关' }) }, enterprise);
    await ok(PUBLISH_CHALLENGE, { id: createChallenge.id }, enterprise);
    await ok(APPROVE, { id: createChallenge.id }, admin);
    await ok(REJECT, { id: createChallenge.id, reason: '榜额与指标不相符，暂停发布' }, admin);
    const entries = await entriesFor(createChallenge.id);
    expect(entries.map((row) => [row.action, row.target_type, row.target_label])).toEqual([
      ['LISTING_APPROVED', 'CHALLENGE', '审计用榜单：断纱检测攻关'],
      ['LISTING_TAKEN_DOWN', 'CHALLENGE', '审计用榜单：断纱检测攻关'],
    ]);
  });

  it('writes nothing when the moderation is refused', async () => {
    const draft = (await ok<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput() }, enterprise)).createNeed.id;
    const refused = await marketplace.request(APPROVE, { id: draft }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await entriesFor(draft)).toEqual([]);
  });

  it('rolls the entry back with the approval when the approval fails at commit', async () => {
    const id = await needInReview('经编机断纱检测（审计·提交失败）');
    const outboxBefore = await marketplace.count('outbox');
    // A constraint trigger that fires at COMMIT, after the approval, its outbox row and its audit entry were written.
    await marketplace.sql(`CREATE FUNCTION marketplace.refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await marketplace.sql(
      `CREATE CONSTRAINT TRIGGER refuse_commit AFTER UPDATE ON marketplace.needs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION marketplace.refuse_commit()`,
    );
    try {
      const failed = await marketplace.request(APPROVE, { id }, admin);
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await marketplace.sql(`DROP TRIGGER refuse_commit ON marketplace.needs`);
    }
    expect(await entriesFor(id)).toEqual([]);
    expect(await marketplace.count('outbox')).toBe(outboxBefore);
    const [need] = await marketplace.sql<{ status: string }>(`SELECT status FROM marketplace.needs WHERE id = $1`, [id]);
    expect(need.status).toBe('PENDING_REVIEW');
  });

  it('rolls the approval back when its audit entry cannot be written', async () => {
    const id = await needInReview('经编机断纱检测（审计·日志失败）');
    await marketplace.sql(`CREATE FUNCTION marketplace.refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
    await marketplace.sql(`CREATE TRIGGER refuse_audit BEFORE INSERT ON marketplace.audit_log FOR EACH ROW EXECUTE FUNCTION marketplace.refuse_audit()`);
    try {
      expect((await marketplace.request(APPROVE, { id }, admin)).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await marketplace.sql(`DROP TRIGGER refuse_audit ON marketplace.audit_log`);
    }
    const [need] = await marketplace.sql<{ status: string }>(`SELECT status FROM marketplace.needs WHERE id = $1`, [id]);
    expect(need.status).toBe('PENDING_REVIEW');
    await ok(APPROVE, { id }, admin);
    expect((await entriesFor(id)).map((row) => row.action)).toEqual(['LISTING_APPROVED']);
  });

  it('serves its entries newest first on GET /internal/audit to services only, filtered and paged', async () => {
    const all = await marketplace.sql<{ id: string; action: string }>(`SELECT id, action FROM marketplace.audit_log ORDER BY at DESC, id DESC`);
    const first = await internalAudit('first=2');
    expect(first.status).toBe(200);
    const page = first.body as AuditPageBody;
    expect(page.totalCount).toBe(all.length);
    expect(page.hasMore).toBe(true);
    expect(page.entries.map((entry) => entry.id)).toEqual(all.slice(0, 2).map((row) => row.id));
    expect(page.entries[0].actorId).toBe(admin.id);

    const rejections = (await internalAudit('first=100&action=LISTING_REJECTED')).body as AuditPageBody;
    expect(rejections.entries.map((entry) => entry.id)).toEqual(all.filter((row) => row.action === 'LISTING_REJECTED').map((row) => row.id));
    expect(rejections.entries.every((entry) => entry.reason === '请写明检出率等可量化指标')).toBe(true);

    expect((await internalAudit('first=1000')).status).toBe(400);
    expect((await internalAudit('first=5&after=not-a-cursor')).status).toBe(400);
    expect((await internalAudit('first=5', admin.token)).status).toBe(401);
  });
});
