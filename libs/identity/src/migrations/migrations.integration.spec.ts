import { openServiceDataSource } from '@ttm/database';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { IDENTITY_ENTITIES } from '../entities';
import { IDENTITY_SCHEMA } from '../identity.constants';
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
        'identity.login_throttle',
        'identity.migrations',
        'identity.organizations',
        'identity.outbox',
        'identity.refresh_tokens',
        'identity.registration_codes',
        'identity.registration_throttle',
        'identity.users',
      ]);
      for (let n = 0; n < IDENTITY_MIGRATIONS.length; n += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual(['identity.migrations']);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await tables()).toHaveLength(8);
    } finally {
      await dataSource.destroy();
    }
  });
});
