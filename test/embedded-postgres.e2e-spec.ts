import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { freePort, ROOT } from './support/marketplace-process';

/** `npm run db:embedded`: the embedded PostgreSQL that the launcher serves to the services, on its own. */
async function serveEmbedded(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/db/serve-embedded.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PGPORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('embedded PostgreSQL') && ready());
    child.once('exit', (code) => reject(new Error(`serve-embedded exited with ${code}`)));
  });
  return child;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the embedded PostgreSQL (PGlite over the wire protocol) under simultaneous connections', () => {
  let dataDir: string;
  let server: ChildProcess;
  let pool: Pool;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ttm-embedded-pg-'));
    const port = await freePort();
    server = await serveEmbedded(dataDir, port);
    pool = new Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, max: 8 });
    await pool.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)');
  });

  afterAll(async () => {
    await pool?.end();
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the parameterised queries of different connections apart', async () => {
    // Every connection shares PGlite's one session: one connection's Parse must not land between
    // another's Parse and Bind, or the second binds to the wrong statement.
    const answers = await Promise.allSettled(
      Array.from({ length: 400 }, (_, i) =>
        i % 2 === 0
          ? pool.query('SELECT $1::int * 2 AS answer', [i]).then(({ rows }) => rows[0].answer === i * 2)
          : pool.query('SELECT $1::int + $2::int + 1 AS answer', [i, i]).then(({ rows }) => rows[0].answer === 2 * i + 1),
      ),
    );
    const wrong = answers.filter((answer) => answer.status === 'rejected' || answer.value !== true);
    expect(wrong).toEqual([]);
  });

  it('runs no other connection’s statement inside a connection’s transaction', async () => {
    await pool.query('INSERT INTO counter VALUES (1, 0)');
    const rolledBack = (async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('UPDATE counter SET value = value + 100 WHERE id = $1', [1]);
        await pause(50);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    })();
    const increments = Array.from({ length: 20 }, () => pool.query('UPDATE counter SET value = value + 1 WHERE id = $1', [1]));
    await Promise.all([rolledBack, ...increments]);
    const { rows } = await pool.query('SELECT value FROM counter WHERE id = 1');
    expect(rows[0].value).toBe(20);
  });

  it('rolls back the transaction of a connection that goes away, and serves the others', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO counter VALUES ($1, 0)', [2]);
    client.release(new Error('dropped mid-transaction')); // the pool destroys the connection
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM counter WHERE id = 2');
    expect(rows[0].n).toBe(0);
  });
});
