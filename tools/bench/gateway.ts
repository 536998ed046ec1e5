/**
 * The gateway half of `npm run bench:search`: the whole marketplace (apps/launcher, as `npm start`
 * runs it) on a fresh database of the real PostgreSQL, filled with N synthetic published listings,
 * then the search service's start-up rebuild and the query mix timed through the public gateway.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, freeMarketplacePortsEnv, freePort, TestDatabase } from '@ttm/testing';
import { CooperationMode, INDUSTRIES, IpType, REGIONS, TOP_LEVEL_INDUSTRIES } from '@ttm/taxonomy';
import { Client } from 'pg';
import { abstractSentences, EvalLine, formatTimings, keywordPool, measure, summarize, Timings } from './common';

const ROOT = resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 30_000;
const INSERT_BATCH = 5_000;

export interface GatewayBenchOptions {
  docs: number;
  queries: readonly string[];
  random: () => number;
  lines: readonly EvalLine[];
}

export interface GatewayBenchResult {
  /** Listings the rebuilt index holds, as the empty-query search counts them. */
  indexedDocs: number;
  insertDocsPerSec: number;
  /** Search service start-up with the fixture (spawn → answering), and with an empty database. */
  startupSec: number;
  emptyStartupSec: number;
  /** Documents per second of the start-up rebuild (snapshot over HTTP + indexing), boot time subtracted. */
  startupIndexDocsPerSec: number;
  gateway: Timings;
  gatewayWithNode: Timings;
  facets: Timings;
  /** The same query sent to the search subgraph itself (no gateway), and the engine's own processingTimeMs. */
  subgraph: Timings;
  engineProcessing: Timings;
  searchRssPeakMb: number;
  searchRssMb: number;
  gatewayRssPeakMb: number;
}

// ---------------------------------------------------------------------------------------------------
// The launcher

export interface Launcher {
  gatewayUrl: string;
  searchUrl: string;
  /** performance.now() of the first line containing `text`, once it has appeared. */
  seenAt(text: string): number | undefined;
  pidOf(service: string): number;
  output(): string;
  stop(): Promise<void>;
}

export { freePort };

export interface LauncherEnv {
  env: NodeJS.ProcessEnv;
  port: number;
  searchPort: number;
}

export async function launcherEnv(databaseUrl: string, dataDir: string): Promise<LauncherEnv> {
  const ports = await freeMarketplacePortsEnv();
  const port = Number(ports['PORT']);
  const searchPort = Number(ports['SEARCH_PORT']);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    NO_COLOR: '1',
    ...ports,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
  };
  // The benchmark measures the embedded engine unless MEILI_HOST is set for it, like the direct half.
  return { env, port, searchPort };
}

/** Starts apps/launcher (as `npm start` does) in its own process group and waits for `[launcher] ready:`. */
export async function startLauncher({ env, port, searchPort }: LauncherEnv): Promise<Launcher> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/launcher/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killGroup);
  let output = '';
  const seen: { at: number; line: string }[] = [];
  let partial = '';
  const onData = (chunk: Buffer) => {
    const now = performance.now();
    output += chunk.toString();
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) seen.push({ at: now, line });
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const launcher: Launcher = {
    gatewayUrl: `http://127.0.0.1:${port}/graphql`,
    searchUrl: `http://127.0.0.1:${searchPort}/graphql`,
    seenAt: (text) => seen.find((entry) => entry.line.includes(text))?.at,
    pidOf(service) {
      const match = [...output.matchAll(new RegExp(`\\[launcher\\] started ${service} \\(pid (\\d+)\\)`, 'g'))].pop();
      if (!match) throw new Error(`no pid for ${service} in the launcher output`);
      return Number(match[1]);
    },
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(killGroup, STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      // Services the launcher could not stop (it was killed) go with its process group.
      killGroup();
      process.removeListener('exit', killGroup);
    },
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!output.includes('[launcher] ready:')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`launcher exited before it was ready:\n${tail(output)}`);
    if (Date.now() > deadline) {
      await launcher.stop();
      throw new Error(`launcher not ready after ${START_TIMEOUT_MS / 1000} s:\n${tail(output)}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  return launcher;
}

export const tail = (text: string) => text.split('\n').slice(-40).join('\n');

/** CPU time (user + system, ms) a process has used so far, from /proc (clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function procStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Math.round(Number(match[1]) / 1024);
}

// ---------------------------------------------------------------------------------------------------
// The fixture

/**
 * BENCHMARK FIXTURE, not a way to create listings: rows go straight into the marketplace tables,
 * bypassing the marketplace service (no validation, no review, no outbox events), so that 100,000
 * published listings take seconds instead of hours. Only the search service's snapshot rebuild
 * reads them, exactly as it reads real published listings.
 */
export interface FixtureOptions {
  needs: number;
  results: number;
  random: () => number;
  lines: readonly EvalLine[];
}

export async function insertFixture(databaseUrl: string, options: FixtureOptions): Promise<number> {
  const { random } = options;
  const sentences = abstractSentences(options.lines);
  const keywords = keywordPool(options.lines);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const industries = INDUSTRIES.map((industry) => industry.code);
  const regions = REGIONS.filter((region) => region.level !== 'PROVINCE').map((region) => region.code);
  const modes = Object.values(CooperationMode);
  const ipTypes = Object.values(IpType);
  const start = Date.parse('2023-01-01T00:00:00Z');

  // Array columns travel as '|'-joined text (unnest cannot yield array elements) and are split in SQL.
  const common = () => {
    const modesOfRow = modes.filter(() => random() < 0.35);
    return {
      ownerId: `bench-owner-${Math.floor(random() * 2000)}`,
      industry: pick(industries),
      region: pick(regions),
      publishedAt: new Date(start + Math.floor(random() * 900 * 86_400_000)).toISOString(),
      title: pick(sentences).slice(0, 28),
      description: [pick(sentences), pick(sentences), pick(sentences), pick(sentences)].join(''),
      keywords: [pick(keywords), pick(keywords), pick(keywords)].join('|'),
      modes: (modesOfRow.length > 0 ? modesOfRow : [pick(modes)]).join('|'),
      organization: `企业${Math.floor(random() * 5000)}`,
    };
  };
  const commonColumns = `owner_id, industry, region_code, contact_name, contact_phone, contact_email, status, version,
    submitted_at, published_at, created_at, updated_at, title, description, keywords, cooperation_modes, organization_name`;
  const commonSelect = `o, i, r, '基准测试', '13800000000', 'bench@example.com', 'PUBLISHED', 1,
    p, p, p, p, t, d, string_to_array(k, '|'), string_to_array(m, '|'), org`;
  const commonParams = `unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]`;

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Needs first, then results, in batches.
    const batches: { kind: 'NEED' | 'RESULT'; size: number }[] = [];
    for (const [kind, count] of [['NEED', options.needs], ['RESULT', options.results]] as const) {
      for (let offset = 0; offset < count; offset += INSERT_BATCH) batches.push({ kind, size: Math.min(INSERT_BATCH, count - offset) });
    }
    for (const { kind, size } of batches) {
      const rows = Array.from({ length: size }, common);
      const columns = [
        rows.map((row) => row.ownerId),
        rows.map((row) => row.industry),
        rows.map((row) => row.region),
        rows.map((row) => row.publishedAt),
        rows.map((row) => row.title),
        rows.map((row) => row.description),
        rows.map((row) => row.keywords),
        rows.map((row) => row.modes),
        rows.map((row) => row.organization),
      ];
      if (kind === 'NEED') {
        const budgets = rows.map(() => Math.round(random() * 500) * 10_000);
        await client.query(
          `INSERT INTO marketplace.needs (${commonColumns}, budget_min, budget_max, min_trl, anonymous)
           SELECT ${commonSelect}, b, b * 2, trl, false
           FROM ${commonParams}, $10::int[], $11::smallint[]) AS x(o, i, r, p, t, d, k, m, org, b, trl)`,
          [...columns, budgets, rows.map(() => (random() < 0.5 ? null : 1 + Math.floor(random() * 9)))],
        );
      } else {
        await client.query(
          `INSERT INTO marketplace.results (${commonColumns}, trl, ip_type, asking_price, open_license, open_license_terms)
           SELECT ${commonSelect}, trl, ip, price, ol, CASE WHEN ol THEN '开放许可，基准测试' END
           FROM ${commonParams}, $10::smallint[], $11::text[], $12::int[], $13::boolean[]) AS x(o, i, r, p, t, d, k, m, org, trl, ip, price, ol)`,
          [
            ...columns,
            rows.map(() => 1 + Math.floor(random() * 9)),
            rows.map(() => pick(ipTypes)),
            rows.map(() => Math.round(random() * 500) * 10_000),
            rows.map(() => random() < 0.1),
          ],
        );
      }
    }
    await client.query('ANALYZE marketplace.needs; ANALYZE marketplace.results');
    const counted = await client.query<{ n: string }>(
      `SELECT ((SELECT count(*) FROM marketplace.needs WHERE status = 'PUBLISHED') + (SELECT count(*) FROM marketplace.results WHERE status = 'PUBLISHED'))::text AS n`,
    );
    return Number(counted.rows[0].n);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// Queries

const SEARCH = `query Bench($query: String!) {
  search(input: { query: $query, first: 20 }) { processingTimeMs hits { id score highlights { field snippets } } }
}`;
const SEARCH_WITH_NODE = `query BenchNode($query: String!) {
  search(input: { query: $query, first: 20 }) {
    hits { id score highlights { field snippets } node { ... on Need { title } ... on Result { title } } }
  }
}`;
const FACETS = `query BenchFacets($input: SearchInput!) {
  search(input: $input) { totalHits hits { id score } facetDistribution { facet values { value label count } } }
}`;
const COUNT = `{ search(input: { query: "", first: 1 }) { totalHits } }`;

interface SearchData {
  search: { processingTimeMs?: number; totalHits?: number; hits: { node?: { title: string } | null }[] };
}

/** One GraphQL request over HTTP; throws on any error in the response. */
export async function graphql<T = SearchData>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

// ---------------------------------------------------------------------------------------------------

export interface FixtureMarketplace {
  launcher: Launcher;
  databaseUrl: string;
  /** Published listings the fixture inserted. */
  inserted: number;
  insertDocsPerSec: number;
  /** Search service start-up (spawn → answering) with the fixture, and with an empty database. */
  startupSec: number;
  emptyStartupSec: number;
}

/**
 * The whole marketplace (apps/launcher, as `npm start` runs it) on a fresh database of the real
 * PostgreSQL holding the fixture's published listings, with the search index rebuilt from them at
 * start-up; `work` runs against it, then everything is stopped and dropped (also on Ctrl+C).
 */
export async function withFixtureMarketplace<T>(label: string, fixture: FixtureOptions, work: (marketplace: FixtureMarketplace) => Promise<T>): Promise<T> {
  let database: TestDatabase | undefined;
  let launcher: Launcher | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), `ttm-${label}-`));
  const stopLauncher = async () => {
    const running = launcher;
    launcher = undefined;
    await running?.stop();
  };
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    void stopLauncher();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    database = await createTestDatabase(label);
    console.log(`gateway: database ${new URL(database.url).pathname.slice(1)}, data in ${dataDir}`);
    const env = await launcherEnv(database.url, dataDir);

    // 1. An empty marketplace: runs the migrations, and shows how long the services take to boot.
    launcher = await startLauncher(env);
    const emptyStartupSec = searchStartupSec(launcher);
    await stopLauncher();
    console.log(`gateway: migrations ran; empty search start-up ${emptyStartupSec.toFixed(1)} s`);

    // 2. The fixture.
    const insertStarted = performance.now();
    const inserted = await insertFixture(database.url, fixture);
    const insertDocsPerSec = Math.round(inserted / ((performance.now() - insertStarted) / 1000));
    console.log(`gateway: inserted ${inserted} published listings (${fixture.needs} needs, ${fixture.results} results; benchmark fixture) at ${insertDocsPerSec} rows/s`);
    if (interrupted) throw new Error('interrupted');

    // 3. Restart with an index that has no checkpoint: the search service rebuilds from /internal/snapshot.
    rmSync(join(dataDir, 'search'), { recursive: true, force: true });
    launcher = await startLauncher(env);
    const startupSec = searchStartupSec(launcher);
    return await work({ launcher, databaseUrl: database.url, inserted, insertDocsPerSec, startupSec, emptyStartupSec });
  } catch (error) {
    const output = launcher?.output();
    if (output) console.error(`launcher output (last lines):\n${tail(output)}`);
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stopLauncher().catch((error: unknown) => console.error('stopping the launcher failed:', error));
    await database?.drop().catch((error: unknown) => console.error('dropping the benchmark database failed:', error));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runGatewayBench(options: GatewayBenchOptions): Promise<GatewayBenchResult> {
  const warmup = Math.min(100, options.queries.length);
  const needs = Math.floor(options.docs / 2);
  const fixture = { needs, results: options.docs - needs, random: options.random, lines: options.lines };
  return withFixtureMarketplace('bench_search', fixture, async ({ launcher, inserted, insertDocsPerSec, startupSec, emptyStartupSec }) => {
    const rebuiltLine = launcher.output().split('\n').find((line) => line.includes('rebuilt the listing index'));
    const startupIndexDocsPerSec = Math.round(inserted / Math.max(0.001, startupSec - emptyStartupSec));
    console.log(
      `gateway: search start-up with ${inserted} listings ${startupSec.toFixed(1)} s (empty ${emptyStartupSec.toFixed(1)} s) → ` +
        `${startupIndexDocsPerSec} docs/s through snapshot + indexing${rebuiltLine ? `\n  ${rebuiltLine.trim()}` : ''}`,
    );
    const { search: counted } = await graphql(launcher.gatewayUrl, COUNT);
    const indexedDocs = counted.totalHits ?? 0;
    if (indexedDocs !== inserted) console.warn(`gateway: WARNING the index holds ${indexedDocs} listings, ${inserted} were inserted`);

    const gatewayUrl = launcher.gatewayUrl;
    const searchUrl = launcher.searchUrl;
    const processing: number[] = [];
    const gateway = await measure(
      async (query: string) => {
        const data = await graphql(gatewayUrl, SEARCH, { query });
        processing.push(data.search.processingTimeMs ?? 0);
      },
      options.queries,
      warmup,
    );
    const engineProcessing = summarize(processing.slice(-options.queries.length));
    console.log(`search through the gateway (${options.queries.length} queries, first 20, highlights, no node): ${formatTimings(gateway)}`);
    console.log(`  engine processingTimeMs of the same queries: ${formatTimings(engineProcessing)}`);

    let missingNodes = 0;
    const gatewayWithNode = await measure(
      async (query: string) => {
        const data = await graphql(gatewayUrl, SEARCH_WITH_NODE, { query });
        missingNodes += data.search.hits.filter((hit) => !hit.node).length;
      },
      options.queries,
      warmup,
    );
    console.log(`search through the gateway with node { title } (federated to marketplace): ${formatTimings(gatewayWithNode)}${missingNodes ? ` (${missingNodes} hits without node)` : ''}`);

    const subgraph = await measure((query: string) => graphql(searchUrl, SEARCH, { query }), options.queries, warmup);
    console.log(`the same queries sent to the search subgraph directly (no gateway): ${formatTimings(subgraph)}`);

    const topIndustries = TOP_LEVEL_INDUSTRIES.map((industry) => industry.code);
    const facetInputs = options.queries.slice(0, 300).map((query, i) => ({
      input: {
        query: i % 3 === 0 ? '' : query,
        first: 20,
        facets: ['KIND', 'INDUSTRY', 'REGION', 'COOPERATION_MODE'],
        filters: i % 2 === 0 ? { industries: [topIndustries[i % topIndustries.length]] } : undefined,
      },
    }));
    const facets = await measure((variables: Record<string, unknown>) => graphql(gatewayUrl, FACETS, variables), facetInputs, 20);
    console.log(`facet queries through the gateway (${facetInputs.length}; a third without text, half filtered by industry; 4 facets): ${formatTimings(facets)}`);

    const searchPid = launcher.pidOf('search');
    const result: GatewayBenchResult = {
      indexedDocs,
      insertDocsPerSec,
      startupSec: round1(startupSec),
      emptyStartupSec: round1(emptyStartupSec),
      startupIndexDocsPerSec,
      gateway,
      gatewayWithNode,
      facets,
      subgraph,
      engineProcessing,
      searchRssPeakMb: procStatusMb(searchPid, 'VmHWM'),
      searchRssMb: procStatusMb(searchPid, 'VmRSS'),
      gatewayRssPeakMb: procStatusMb(launcher.pidOf('gateway'), 'VmHWM'),
    };
    console.log(`search service RSS now ${result.searchRssMb} MB, peak (VmHWM) ${result.searchRssPeakMb} MB; gateway peak ${result.gatewayRssPeakMb} MB`);
    return result;
  });
}

/** Seconds from the search process being spawned to the launcher starting the gateway (search answers by then). */
function searchStartupSec(launcher: Launcher): number {
  const spawned = launcher.seenAt('[launcher] started search');
  const next = launcher.seenAt('[launcher] started gateway');
  if (spawned === undefined || next === undefined) throw new Error('launcher output lacks the search/gateway start lines');
  return (next - spawned) / 1000;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

