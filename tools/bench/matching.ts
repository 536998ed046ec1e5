/**
 * Matching benchmark: `npm run bench:matching -- [--docs N] [--needs N] [--queries N] [--seed N]`.
 *
 * The whole marketplace (apps/launcher, as `npm start` runs it) on a fresh database of the real
 * PostgreSQL holding N synthetic published results (default 100,000) plus some needs (text drawn
 * from the csl-dev abstracts and keywords, fixed seed; see tools/bench/gateway.ts), the search index
 * rebuilt from them at start-up; then `matchesForNeed(needId, first: 10)` through the public gateway
 * for many different needs, one at a time, warm-up excluded. The engine is the embedded one unless
 * MEILI_HOST is set. The last line is one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import { loadConfig } from '@ttm/config';
import { Client } from 'pg';
import { formatTimings, measure, readEval, rng, shuffle } from './common';
import { graphql, processCpuMs, withFixtureMarketplace } from './gateway';

interface Options {
  docs: number;
  needs: number;
  queries: number;
  warmup: number;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { docs: 100_000, needs: 2_000, queries: 500, warmup: 50, seed: 20240601 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return positiveInt(next, arg);
    };
    if (arg === '--docs') options.docs = value();
    else if (arg === '--needs') options.needs = value();
    else if (arg === '--queries') options.queries = value();
    else if (arg === '--warmup') options.warmup = value();
    else if (arg === '--seed') options.seed = value();
    else throw new Error(`Unknown option ${arg} (use --docs N results, --needs N, --queries N, --warmup N, --seed N)`);
  }
  return options;
}

function positiveInt(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const MATCHES_FOR_NEED = `query BenchMatches($needId: ID!) {
  matchesForNeed(needId: $needId, first: 10) { kind id score reasons }
}`;

interface MatchesData {
  matchesForNeed: { id: string; score: number; reasons: string[] }[];
}

async function publishedNeedIds(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM marketplace.needs WHERE status = 'PUBLISHED' ORDER BY id`);
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const engine = loadConfig().meiliHost ? 'meilisearch' : 'embedded';
  const lines = readEval();
  console.log(`engine ${engine}, ${options.docs} results + ${options.needs} needs, ${options.queries} matchesForNeed queries (${options.warmup} warm-up), seed ${options.seed}`);
  const fixture = { needs: options.needs, results: options.docs, random: rng(options.seed), lines };
  const result = await withFixtureMarketplace('bench_matching', fixture, async ({ launcher, databaseUrl, inserted, startupSec }) => {
    console.log(`gateway: search start-up with ${inserted} listings ${startupSec.toFixed(1)} s`);
    const needIds = shuffle(await publishedNeedIds(databaseUrl), rng(options.seed + 1));
    // Warm-up needs are different needs from the timed ones: every timed request is a need never matched before.
    const warmupIds = needIds.slice(0, options.warmup);
    const timedIds = needIds.slice(options.warmup, options.warmup + options.queries);
    if (timedIds.length < options.queries) console.warn(`only ${timedIds.length} needs left to time (use --needs to add more)`);
    let empty = 0;
    let hits = 0;
    const run = async (needId: string) => {
      const data = await graphql<MatchesData>(launcher.gatewayUrl, MATCHES_FOR_NEED, { needId });
      hits += data.matchesForNeed.length;
      if (data.matchesForNeed.length === 0) empty += 1;
    };
    for (const id of warmupIds) await run(id);
    hits = 0;
    empty = 0;
    const searchPid = launcher.pidOf('search');
    const gatewayPid = launcher.pidOf('gateway');
    const cpuBefore = { search: processCpuMs(searchPid), gateway: processCpuMs(gatewayPid) };
    const timings = await measure(run, timedIds, 0);
    const cpuPerMatch = (pid: number, before: number) => ((processCpuMs(pid) - before) / timedIds.length).toFixed(1);
    console.log(
      `matchesForNeed through the gateway (${timedIds.length} needs, first 10, each need once): ${formatTimings(timings)}; ` +
        `${(hits / timedIds.length).toFixed(1)} matches per need, ${empty} needs without any`,
    );
    // CPU time per request does not depend on what else the machine runs; wall-clock latency does.
    console.log(
      `  CPU per request: search service ${cpuPerMatch(searchPid, cpuBefore.search)} ms, gateway ${cpuPerMatch(gatewayPid, cpuBefore.gateway)} ms; ` +
        `load average during the run ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`,
    );
    const directIds = needIds.slice(options.warmup + options.queries, options.warmup + options.queries + 200);
    if (directIds.length > 0) {
      const direct = await measure((needId: string) => graphql<MatchesData>(launcher.searchUrl, MATCHES_FOR_NEED, { needId }), directIds, 0);
      console.log(`  ${directIds.length} other needs sent to the search subgraph directly (no gateway): ${formatTimings(direct)}`);
    }
    const stats = await graphql<{ search: { totalHits: number } }>(launcher.gatewayUrl, `{ search(input: { query: "", kinds: [RESULT], first: 1 }) { totalHits } }`);
    return { timings, results: stats.search.totalHits };
  });
  console.log(
    JSON.stringify({
      engine,
      docs: result.results,
      matchesForNeedP50Ms: result.timings.p50,
      matchesForNeedP95Ms: result.timings.p95,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
