import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { client } from './support/graphql-client';
import { ROOT, RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { LOGIN, REGISTER } from './support/operations';

interface Connection {
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every id of one Relay list (newest first), page by page. */
async function allIds(gql: GraphQLClient, field: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: Record<string, Connection> = await gql.request(
      `query Page($after: String) { ${field}(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const connection = page[field];
    if (!connection) throw new Error(`no ${field} in the answer`);
    ids.push(...connection.edges.map((edge) => edge.node.id));
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
  return ids.sort();
}

/** What an administrator can see of the marketplace: every listing, deal and user. */
async function inventory(url: string): Promise<Record<string, string[]>> {
  const { login } = await client(url).request<{ login: { accessToken: string } }>(LOGIN, { input: TEST_ADMIN });
  const admin = client(url, login.accessToken);
  const fields = ['needs', 'results', 'experts', 'challenges', 'deals', 'users'];
  return Object.fromEntries(await Promise.all(fields.map(async (field) => [field, await allIds(admin, field)] as const)));
}

/** `npm run db:backup` / `db:restore` with the environment of one data directory; stdout+stderr and the exit code. */
function dbTool(script: 'db:backup' | 'db:restore', dataDir: string, args: string[]): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  const run = spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('backups of the embedded database', () => {
  let marketplace: RunningMarketplace | undefined;

  afterAll(async () => {
    await marketplace?.stop();
  });

  it('restores a backup into an empty data directory with every listing, deal and user', async () => {
    marketplace = await startMarketplace();
    // Something that is not demo data, so the backup is more than a fresh seed.
    await client(marketplace.url).request(REGISTER, {
      input: { email: 'backup@e2e.cn', password: 'Backup2026x', displayName: '备份测试', role: 'RESEARCHER' },
    });
    const before = await inventory(marketplace.url);
    expect(before['needs']?.length).toBeGreaterThanOrEqual(40);
    expect(before['deals']?.length).toBeGreaterThan(0);
    expect(before['users']?.length).toBeGreaterThan(10);
    const backupFile = join(mkdtempSync(join(tmpdir(), 'ttm-backup-')), 'techbridge.tar.gz');

    // A running marketplace holds the data directory: the backup refuses instead of copying a live database.
    const whileRunning = dbTool('db:backup', marketplace.dataDir, ['--out', backupFile]);
    expect(whileRunning.status).not.toBe(0);
    expect(whileRunning.output).toContain('is in use by another process');
    expect(existsSync(backupFile)).toBe(false);

    await marketplace.stop();
    const backup = dbTool('db:backup', marketplace.dataDir, ['--out', backupFile]);
    expect(backup.output).toContain('written to');
    expect(backup.status).toBe(0);

    const emptyDir = mkdtempSync(join(tmpdir(), 'ttm-restored-'));
    const restore = dbTool('db:restore', emptyDir, [backupFile]);
    expect(restore.output).toContain('restored');
    expect(restore.status).toBe(0);
    // Restoring never overwrites a database.
    const again = dbTool('db:restore', emptyDir, [backupFile]);
    expect(again.status).not.toBe(0);
    expect(again.output).toContain('already holds a database');

    marketplace = await startMarketplace({ dataDir: emptyDir, env: { SEED_DEMO: 'false' } });
    expect(readdirSync(join(emptyDir, 'pg')).length).toBeGreaterThan(0);
    expect(await inventory(marketplace.url)).toEqual(before);
    await client(marketplace.url).request(LOGIN, { input: { email: 'backup@e2e.cn', password: 'Backup2026x' } });
  });
});
