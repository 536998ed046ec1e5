import { openServiceDataSource } from '@ttm/database';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { IDENTITY_ENTITIES } from '../entities';
import { IDENTITY_SCHEMA } from '../identity.constants';
import { IdentityInit1764201600000 } from './1764201600000-identity-init';
import { IDENTITY_MIGRATIONS } from './index';

jest.setTimeout(60_000);

describe('identity migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('identity_migrations');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('create every table in the identity schema, and are reversible', async () => {
    const dataSource = await openServiceDataSource({
      url: database.url,
      schema: IDENTITY_SCHEMA,
      entities: IDENTITY_ENTITIES,
      migrations: IDENTITY_MIGRATIONS,
    });
    const tables = async () =>
      (
        await dataSource.query<{ schema: string; table: string }[]>(
          `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
           WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
        )
      ).map((row) => `${row.schema}.${row.table}`);
    try {
      expect(await tables()).toEqual([
        'identity.audit_log',
        'identity.login_throttle',
        'identity.migrations',
        'identity.organizations',
        'identity.outbox',
        'identity.refresh_tokens',
        'identity.registration_codes',
        'identity.registration_throttle',
        'identity.sessions',
        'identity.users',
      ]);
      for (let n = 0; n < IDENTITY_MIGRATIONS.length; n += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual(['identity.migrations']);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await tables()).toHaveLength(10);
    } finally {
      await dataSource.destroy();
    }
  });

  it('turn the refresh-token families of a database from before sessions into sessions, ended where they were signed out', async () => {
    const before = await createTestDatabase('identity_sessions_backfill');
    const open = (migrations: typeof IDENTITY_MIGRATIONS) =>
      openServiceDataSource({ url: before.url, schema: IDENTITY_SCHEMA, entities: IDENTITY_ENTITIES, migrations });
    try {
      const old = await open([IdentityInit1764201600000]);
      const [{ id: userId }] = await old.query<{ id: string }[]>(
        `INSERT INTO identity.users (email, password_hash, display_name, roles) VALUES ('old@example.cn', 'x', '老用户', '{ENTERPRISE}') RETURNING id`,
      );
      const families = { active: randomUUID(), loggedOut: randomUUID(), reset: randomUUID() };
      const token = (family: string, reason: string | null, minutesAgo: number) =>
        old.query(
          `INSERT INTO identity.refresh_tokens (user_id, family_id, token_hash, expires_at, created_at, revoked_at, revoke_reason)
           VALUES ($1, $2, $3, now() + interval '30 days', now() - make_interval(mins => $4), CASE WHEN $5::text IS NULL THEN NULL ELSE now() END, $5)`,
          [userId, family, randomBytes(32).toString('hex'), minutesAgo, reason],
        );
      await token(families.active, 'ROTATED', 30);
      await token(families.active, null, 10);
      await token(families.loggedOut, 'ROTATED', 20);
      await token(families.loggedOut, 'LOGOUT', 5);
      await token(families.reset, 'PASSWORD_RESET', 3);
      await old.destroy();

      const migrated = await open(IDENTITY_MIGRATIONS);
      try {
        const sessions = await migrated.query<{ id: string; user_id: string; revoke_reason: string | null; ended: boolean; span: string }[]>(
          `SELECT id, user_id, revoke_reason, revoked_at IS NOT NULL AS ended, round(extract(epoch FROM last_used_at - created_at) / 60)::text AS span
           FROM identity.sessions`,
        );
        const byId = new Map(sessions.map((session) => [session.id, session]));
        expect(sessions).toHaveLength(3);
        expect(byId.get(families.active)).toMatchObject({ user_id: userId, revoke_reason: null, ended: false, span: '20' });
        expect(byId.get(families.loggedOut)).toMatchObject({ revoke_reason: 'LOGOUT', ended: true });
        expect(byId.get(families.reset)).toMatchObject({ revoke_reason: 'PASSWORD_CHANGED', ended: true });
        const [user] = await migrated.query<{ token_version: number }[]>(`SELECT token_version FROM identity.users WHERE id = $1`, [userId]);
        expect(user.token_version).toBe(1);
      } finally {
        await migrated.destroy();
      }
    } finally {
      await before.drop();
    }
  });
});
