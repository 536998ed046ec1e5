import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { Client } from 'pg';
import { craftedCreditCode, uniqueEmail } from '../testing/fixtures';
import { dataOf, GraphQLResult, RunningIdentity, startIdentity } from '../testing/identity-test-app';
import { AuthPayloadResult, CREATE_ORGANIZATION, LOGIN, REGISTER, SET_ROLES, UNVERIFY, VERIFY } from '../testing/operations';
import { ROLE_CHANGES_LOCK } from './administrators';

const ADMIN = { email: 'first.admin@identity.test', password: 'Admin-2026-audit' };
const PASSWORD = 'Passw0rd!';

interface AuditRow extends Record<string, unknown> {
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  target_label: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Role changes and verifications write identity.audit_log in their own transaction, and setUserRoles
 * never takes ADMIN from the last administrator, also when two administrators demote each other at
 * the same moment (real service, real PostgreSQL).
 */
describe('role changes and verifications: the audit log and the last administrator', () => {
  let database: TestDatabase;
  let identity: RunningIdentity;
  let first: AuthPayloadResult;

  beforeAll(async () => {
    database = await createTestDatabase('identity_roles');
    identity = await startIdentity(database.url, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    first = await login(ADMIN.email, ADMIN.password);
    accounts.set(first.user.id, ADMIN);
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
  });

  async function login(email: string, password = PASSWORD): Promise<AuthPayloadResult> {
    return dataOf(await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: { email, password } })).login;
  }

  /** Every account's e-mail address and password, by id, to sign in again as whoever holds ADMIN now. */
  const accounts = new Map<string, { email: string; password: string }>();

  async function newUser(label: string, role = 'BROKER'): Promise<AuthPayloadResult> {
    const input = { email: uniqueEmail(label.replace(/\W+/g, '.')), password: PASSWORD, displayName: label, role };
    const registered = dataOf(await identity.request<{ register: AuthPayloadResult }>(REGISTER, { input })).register;
    accounts.set(registered.user.id, { email: input.email, password: PASSWORD });
    return registered;
  }

  /** Signs in afresh as this account. */
  async function again(id: string): Promise<AuthPayloadResult> {
    const account = accounts.get(id);
    if (!account) throw new Error(`unknown account ${id}`);
    return login(account.email, account.password);
  }

  /** An administrator the tests before left (the concurrent ones leave one of two), signed in afresh. */
  async function currentAdmin(): Promise<AuthPayloadResult> {
    const [id] = await administrators();
    return again(id);
  }

  const setRoles = (actor: AuthPayloadResult, target: AuthPayloadResult, roles: string[]) =>
    identity.request<{ setUserRoles: { id: string; roles: string[] } }>(SET_ROLES, { userId: target.user.id, roles }, actor.accessToken);

  const entriesFor = (targetId: string) =>
    database.query<AuditRow>(
      `SELECT actor_id, action, target_type, target_id, target_label, before, after FROM identity.audit_log WHERE target_id = $1 ORDER BY at, id`,
      [targetId],
    );

  const administrators = async () =>
    (await database.query<{ id: string }>(`SELECT id FROM identity.users WHERE 'ADMIN' = ANY(roles) ORDER BY id`)).map((row) => row.id);

  const rolesOf = async (id: string) => (await database.query<{ roles: string[] }>(`SELECT roles FROM identity.users WHERE id = $1`, [id]))[0].roles;

  /** Makes `target` an administrator again and signs it in afresh, so both hold tokens that say ADMIN. */
  async function promote(actor: AuthPayloadResult, target: AuthPayloadResult): Promise<AuthPayloadResult> {
    dataOf(await setRoles(actor, target, ['BROKER', 'ADMIN']));
    return again(target.user.id);
  }

  /** The outcome of two concurrent calls: the one that changed roles and the one refused. */
  function oneWonOneRefused(results: GraphQLResult<{ setUserRoles: { id: string } }>[]): { winner: number; refusal: GraphQLResult<unknown> } {
    const winners = results.flatMap((result, index) => (result.errors ? [] : [index]));
    expect(winners).toHaveLength(1);
    return { winner: winners[0], refusal: results[1 - winners[0]] };
  }

  async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  it('keeps one administrator when two demote each other at the same moment (both wait on the lock, then run one after the other)', async () => {
    const second = await promote(first, await newUser('Second admin'));
    const auditBefore = (await database.query(`SELECT 1 FROM identity.audit_log`)).length;
    expect(await administrators()).toEqual([first.user.id, second.user.id].sort());

    // The test holds the role-change lock, so both calls are inside their transactions, waiting, before either goes on.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ROLE_CHANGES_LOCK]);
      const calls = Promise.all([setRoles(first, second, ['BROKER']), setRoles(second, first, ['BROKER'])]);
      await eventually(async () => {
        const [waiting] = await database.query<{ count: string }>(
          `SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
        );
        expect(Number(waiting.count)).toBe(2);
      });
      await holder.query('COMMIT');
      const { winner, refusal } = oneWonOneRefused(await calls);
      expect(refusal.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('is the last administrator') });
      expect(await administrators()).toEqual([[first, second][winner].user.id]);
    } finally {
      await holder.end();
    }
    expect((await database.query(`SELECT 1 FROM identity.audit_log`)).length).toBe(auditBefore + 1);
  });

  it('keeps one administrator over rounds of concurrent mutual demotions without the test holding the lock', async () => {
    let [a, b] = [await currentAdmin(), await newUser('Rival admin')];
    for (let round = 0; round < 4; round++) {
      b = await promote(a, b);
      a = await again(a.user.id);
      const results = await Promise.all([setRoles(a, b, ['BROKER']), setRoles(b, a, ['BROKER'])]);
      const { winner, refusal } = oneWonOneRefused(results);
      expect(refusal.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await administrators()).toEqual([[a, b][winner].user.id]);
      if (winner === 1) [a, b] = [b, a];
    }
  });

  it('records a role change with the roles before and after, and nothing for a change to the same roles', async () => {
    const admin = await currentAdmin();
    const user = await newUser('Audited broker');
    dataOf(await setRoles(admin, user, ['BROKER', 'ENTERPRISE']));
    dataOf(await setRoles(admin, user, ['ENTERPRISE', 'BROKER']));
    expect(await entriesFor(user.user.id)).toEqual([
      {
        actor_id: admin.user.id,
        action: 'USER_ROLES_CHANGED',
        target_type: 'USER',
        target_id: user.user.id,
        target_label: 'Audited broker',
        before: { roles: ['BROKER'] },
        after: { roles: ['BROKER', 'ENTERPRISE'] },
      },
    ]);
  });

  it('rolls the entry back with a role change that fails at commit, and the change back when the entry cannot be written', async () => {
    const admin = await currentAdmin();
    const user = await newUser('Rolled back');
    await database.query(`CREATE FUNCTION identity.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
    // Fires at COMMIT, after the role change and its audit entry were written.
    await database.query(`CREATE CONSTRAINT TRIGGER refuse_commit AFTER UPDATE ON identity.users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION identity.refuse()`);
    try {
      expect((await setRoles(admin, user, ['RESEARCHER'])).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await database.query(`DROP TRIGGER refuse_commit ON identity.users`);
    }
    expect(await entriesFor(user.user.id)).toEqual([]);
    expect(await rolesOf(user.user.id)).toEqual(['BROKER']);

    await database.query(`CREATE TRIGGER refuse_audit BEFORE INSERT ON identity.audit_log FOR EACH ROW EXECUTE FUNCTION identity.refuse()`);
    try {
      expect((await setRoles(admin, user, ['RESEARCHER'])).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await database.query(`DROP TRIGGER refuse_audit ON identity.audit_log`);
    }
    expect(await rolesOf(user.user.id)).toEqual(['BROKER']);
  });

  it('refuses a role change from an administrator who has since been demoted', async () => {
    const admin = await currentAdmin();
    const demoted = await promote(admin, await newUser('Soon demoted'));
    const third = await promote(admin, await newUser('Third admin'));
    dataOf(await setRoles(admin, demoted, ['BROKER']));
    // Its access token still says ADMIN; the account does not.
    const attempt = await setRoles(demoted, third, ['BROKER']);
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(attempt.errors?.[0]?.extensions?.code);
    expect(await rolesOf(third.user.id)).toEqual(['BROKER', 'ADMIN']);
  });

  it('records a verification and its withdrawal, and rolls the entry back with a verification that fails at commit', async () => {
    const admin = await currentAdmin();
    const owner = await newUser('Org owner', 'ENTERPRISE');
    const input = { name: '海宁审计测试经编有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: craftedCreditCode(7701) };
    const organization = dataOf(await identity.request<{ createOrganization: { id: string } }>(CREATE_ORGANIZATION, { input }, owner.accessToken)).createOrganization;

    await database.query(`CREATE CONSTRAINT TRIGGER refuse_commit AFTER UPDATE ON identity.organizations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION identity.refuse()`);
    try {
      expect((await identity.request(VERIFY, { id: organization.id }, admin.accessToken)).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await database.query(`DROP TRIGGER refuse_commit ON identity.organizations`);
    }
    expect(await entriesFor(organization.id)).toEqual([]);

    const verified = dataOf(await identity.request<{ verifyOrganization: { verifiedAt: string } }>(VERIFY, { id: organization.id }, admin.accessToken));
    dataOf(await identity.request(VERIFY, { id: organization.id }, admin.accessToken));
    dataOf(await identity.request(UNVERIFY, { id: organization.id }, admin.accessToken));
    const entries = await entriesFor(organization.id);
    expect(entries).toEqual([
      {
        actor_id: admin.user.id,
        action: 'ORGANIZATION_VERIFIED',
        target_type: 'ORGANIZATION',
        target_id: organization.id,
        target_label: '海宁审计测试经编有限公司',
        before: { verified: false, verifiedAt: null },
        after: { verified: true, verifiedAt: verified.verifyOrganization.verifiedAt },
      },
      expect.objectContaining({
        action: 'ORGANIZATION_UNVERIFIED',
        before: { verified: true, verifiedAt: verified.verifyOrganization.verifiedAt },
        after: { verified: false, verifiedAt: null },
      }),
    ]);
  });
});
