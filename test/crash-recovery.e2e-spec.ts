import { DEMO_ACCOUNTS, DEMO_BROKER_MATCHES, DEMO_PASSWORD, DemoMatchOutcome } from '@ttm/demo';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { client } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { LOGIN, NEEDS } from './support/operations';

const KILLS = 10;
const KILL_WINDOW_MS = 60_000;
/** The 10th restart waits ≈ 19 s (back-off), then search rebuilds its index and answers. */
const RECOVERY_TIMEOUT_MS = 90_000;
const SEARCH = /* GraphQL */ `query ($input: SearchInput!) { search(input: $input) { totalHits hits { id } } }`;
const DEALS = /* GraphQL */ `{ deals(first: 5) { totalCount edges { node { id stage } } } }`;
/** Demo matches that both sides accepted became deals in these stages. */
const DEAL_STAGES: readonly DemoMatchOutcome[] = ['NEGOTIATING', 'CONTRACT_SIGNED', 'COMPLETED', 'FAILED'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every pid the launcher said it started each process with, in order. */
function startedPids(output: string): Map<string, number[]> {
  const pids = new Map<string, number[]>();
  for (const [, name, pid] of output.matchAll(/\[launcher\] started (\w+) \(pid (\d+)\)/g)) pids.set(name, [...(pids.get(name) ?? []), Number(pid)]);
  return pids;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Issue 11, finding 4: the search service killed ten times within a minute. The launcher restarts it with
 * back-off and never gives up; meanwhile listings (marketplace), login (identity) and the deals board
 * (brokerage) keep answering through the same gateway, and search answers again once it stays up.
 */
describe('a crashing service does not take the marketplace down (PostgreSQL)', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;

  beforeAll(async () => {
    database = await createTestDatabase('crash_recovery');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'true' } });
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  it('restarts search with back-off while listings, login and deals keep working, and search comes back', async () => {
    const anonymous = client(marketplace.url);
    const { login } = await anonymous.request<{ login: { accessToken: string } }>(LOGIN, { input: TEST_ADMIN });
    const admin = client(marketplace.url, login.accessToken);
    const [member] = DEMO_ACCOUNTS.filter((account) => account.role === 'ENTERPRISE');
    const searchOnce = () => anonymous.request<{ search: { totalHits: number } }>(SEARCH, { input: { query: '经编', first: 3 } });
    const needCount = async () => (await anonymous.request<{ needs: { totalCount: number } }>(NEEDS, { first: 3 })).needs.totalCount;
    const dealCount = async () => (await admin.request<{ deals: { totalCount: number } }>(DEALS)).deals.totalCount;
    const searchHits = (await searchOnce()).search.totalHits;
    expect(searchHits).toBeGreaterThan(0);
    const needsBefore = await needCount();
    const dealsBefore = await dealCount();
    expect(needsBefore).toBeGreaterThan(0);
    expect(dealsBefore).toBe(DEMO_BROKER_MATCHES.filter((match) => DEAL_STAGES.includes(match.outcome)).length);
    const before = startedPids(marketplace.output());
    const others = ['gateway', 'identity', 'marketplace', 'brokerage'].map((name) => ({ name, pids: before.get(name) ?? [] }));
    expect(others.every(({ pids }) => pids.length === 1)).toBe(true);

    // The three other subgraphs, asked over and over while search is killed; every answer must be a good one.
    const checks = { needs: 0, login: 0, deals: 0 };
    const failures: string[] = [];
    let killing = true;
    const probe = async (name: keyof typeof checks, run: () => Promise<boolean>) => {
      while (killing) {
        try {
          if (await run()) checks[name] += 1;
          else failures.push(`${name}: unexpected answer`);
        } catch (error) {
          failures.push(`${name}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
        }
        await sleep(250);
      }
    };
    const probes = Promise.all([
      probe('needs', async () => (await needCount()) === needsBefore),
      probe('login', async () => {
        const answer = await anonymous.request<{ login: { user: { id: string } } }>(LOGIN, { input: { email: member.email, password: DEMO_PASSWORD } });
        return answer.login.user.id === member.id;
      }),
      probe('deals', async () => (await dealCount()) === dealsBefore),
    ]);

    // Kill whichever search process is current, as soon as the launcher has started it, ten times.
    const killedAt: number[] = [];
    let searchPids = before.get('search') ?? [];
    try {
      for (let kill = 0; kill < KILLS; kill += 1) {
        const pid = searchPids[searchPids.length - 1];
        process.kill(pid, 'SIGKILL');
        killedAt.push(Date.now());
        if (kill === KILLS - 1) break;
        const deadline = Date.now() + KILL_WINDOW_MS;
        while ((searchPids = startedPids(marketplace.output()).get('search') ?? []).at(-1) === pid) {
          if (Date.now() > deadline) throw new Error(`search was not restarted after kill ${kill + 1}:\n${marketplace.output().slice(-3000)}`);
          await sleep(50);
        }
      }
      // Keep asking for a few seconds more while search waits for its back-off.
      await sleep(3000);
    } finally {
      killing = false;
      await probes;
    }

    expect(killedAt).toHaveLength(KILLS);
    expect(killedAt[KILLS - 1] - killedAt[0]).toBeLessThan(KILL_WINDOW_MS);
    expect(failures).toEqual([]);
    expect(Math.min(checks.needs, checks.login, checks.deals)).toBeGreaterThanOrEqual(10);
    // Each crash, and when the next attempt comes, in one line of the launcher's output.
    const crashLines = marketplace.output().match(/^\[launcher\] search exited \(SIGKILL\) after [\d.]+ s up; crash \d+ in a row, restarting it in [\d.]+ s$/gm) ?? [];
    expect(crashLines).toHaveLength(KILLS);
    expect(crashLines[KILLS - 1]).toContain(`crash ${KILLS} in a row`);

    // Once it stays up, search answers again (through the gateway, which was never restarted).
    const recoveryDeadline = Date.now() + RECOVERY_TIMEOUT_MS;
    let recovered: number | undefined;
    while (recovered === undefined) {
      recovered = await searchOnce().then((answer) => answer.search.totalHits, () => undefined);
      if (recovered === undefined) {
        if (Date.now() > recoveryDeadline) throw new Error(`search did not answer again:\n${marketplace.output().slice(-3000)}`);
        await sleep(500);
      }
    }
    expect(recovered).toBe(searchHits);
    expect(startedPids(marketplace.output()).get('search')).toHaveLength(KILLS + 1);
    expect(marketplace.output()).not.toMatch(/stopping the marketplace/);

    // The gateway and the other services still run as the processes they started as.
    const after = startedPids(marketplace.output());
    for (const { name, pids } of others) {
      expect({ name, pids: after.get(name) }).toEqual({ name, pids });
      expect({ name, alive: isAlive(pids[0]) }).toEqual({ name, alive: true });
    }
  });
});
