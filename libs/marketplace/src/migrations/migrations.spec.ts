import { openServiceDataSource } from '@ttm/database';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { DataSource } from 'typeorm';
import { MARKETPLACE_ENTITIES } from '../marketplace-app.module';
import { MARKETPLACE_SCHEMA } from '../marketplace.constants';
import { MARKETPLACE_MIGRATIONS } from './index';

const ALL_TABLES = ['audit_log', 'challenge_application_scores', 'challenge_applications', 'challenge_milestones', 'challenges', 'experts', 'needs', 'outbox', 'results'];

describe('marketplace migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('marketplace_migrations');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function tables(): Promise<string[]> {
    const rows = await (dataSource as DataSource).query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY table_name`,
      [MARKETPLACE_SCHEMA],
    );
    return rows.map((row) => row.table_name);
  }

  it('create the tables in the marketplace schema only, and can be undone and redone', async () => {
    dataSource = await openServiceDataSource({
      url: database.url,
      schema: MARKETPLACE_SCHEMA,
      entities: MARKETPLACE_ENTITIES,
      migrations: MARKETPLACE_MIGRATIONS,
    });
    expect(await tables()).toEqual(ALL_TABLES);
    const elsewhere = await dataSource.query<unknown[]>(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('needs', 'results', 'experts', 'outbox')`,
    );
    expect(elsewhere).toEqual([]);

    for (let index = 0; index < MARKETPLACE_MIGRATIONS.length; index++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(ALL_TABLES);
  });
});
