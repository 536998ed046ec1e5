import { AUDIT_ENTITIES } from '@ttm/audit';
import { openServiceDataSource } from '@ttm/database';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { DataSource } from 'typeorm';
import { ALERT_ENTITIES } from '../alerts/alerts.providers';
import { LEARNING_ENTITIES } from '../learning/link-weight.entity';
import { SEARCH_SCHEMA } from '../search-app.module';
import { SynonymGroupEntity } from '../synonyms/synonym-group.entity';
import { KNOWLEDGE_ENTITIES } from '../knowledge/concept.entity';
import { SEARCH_MIGRATIONS } from './index';

const LEARNING_TABLES = ['learned_matches', 'link_weight_adjustments', 'link_weights'];
const ALL_TABLES = [
  'alert_checkpoints',
  'alerted_listings',
  'audit_log',
  'industry_follows',
  ...LEARNING_TABLES,
  'mail_delivery_start',
  'notifications',
  'saved_searches',
  'synonym_groups',
];

describe('search migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('search_migrations');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function tables(): Promise<string[]> {
    const rows = await (dataSource as DataSource).query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY table_name`,
      [SEARCH_SCHEMA],
    );
    return rows.map((row) => row.table_name);
  }

  const notificationColumns = async () =>
    (
      await (dataSource as DataSource).query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'notifications' AND column_name LIKE 'email%'`,
        [SEARCH_SCHEMA],
      )
    )
      .map((row) => row.column_name)
      .sort();

  const knowledgeTables = async () =>
    (
      await (dataSource as DataSource).query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'knowledge' ORDER BY table_name`,
      )
    ).map((row) => row.table_name);

  it('create the tables in the search schema only, and can be undone and redone one by one', async () => {
    dataSource = await openServiceDataSource({
      url: database.url,
      schema: SEARCH_SCHEMA,
      entities: [SynonymGroupEntity, ...ALERT_ENTITIES, ...AUDIT_ENTITIES, ...KNOWLEDGE_ENTITIES, ...LEARNING_ENTITIES],
      migrations: SEARCH_MIGRATIONS,
    });
    expect(await tables()).toEqual(ALL_TABLES);
    expect(await notificationColumns()).toEqual(['email_attempts', 'email_retry_at', 'emailed_at']);
    expect(await knowledgeTables()).toEqual(['bridges', 'broader', 'concepts', 'graph_version', 'labels', 'related']);

    // The last four migrations (link learning, the knowledge graph's schema, the audit log, then e-mail
    // delivery) alone, then all of them.
    await dataSource.undoLastMigration({ transaction: 'each' });
    const beforeLearning = ALL_TABLES.filter((table) => !LEARNING_TABLES.includes(table));
    expect(await tables()).toEqual(beforeLearning);
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await knowledgeTables()).toEqual([]);
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(beforeLearning.filter((table) => table !== 'audit_log'));
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(beforeLearning.filter((table) => table !== 'audit_log' && table !== 'mail_delivery_start'));
    expect(await notificationColumns()).toEqual([]);
    for (let index = 4; index < SEARCH_MIGRATIONS.length; index++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(ALL_TABLES);
    expect(await knowledgeTables()).toHaveLength(6);
    expect(await notificationColumns()).toEqual(['email_attempts', 'email_retry_at', 'emailed_at']);
  });
});
