/**
 * Search benchmark: `npm run bench:search -- [--docs N] [--engine embedded|meilisearch] [--queries N]
 * [--gateway URL] [--memory-only]`.
 *
 * Generates N synthetic listings (each description: 4 sentences drawn at random from the abstracts
 * in shared/eval/csl-dev.jsonl, fixed seed), indexes them, then runs the query mix (the `-title` and
 * `-keywords` query texts of the same file, shuffled with a fixed seed) and a facet query mix. Prints
 * indexing throughput, search latency percentiles, facet latency and RSS; the last line is one JSON
 * object. Gateway figures need the search service behind the gateway; until it exists they are null.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@ttm/config';
import type { ListingDocument } from '@ttm/events';
import { EmbeddedSearchEngine, F, LISTING_INDEX_SCHEMA, MeilisearchEngine, SearchEngine, SearchIndex, SearchRequest } from '@ttm/search-engine';

interface Options {
  docs: number;
  engine: 'embedded' | 'meilisearch';
  queries: number | undefined;
  gateway: string | undefined;
  memoryOnly: boolean;
  seed: number;
  workers: number | undefined;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { docs: 100_000, engine: loadConfig().meiliHost ? 'meilisearch' : 'embedded', queries: undefined, gateway: undefined, memoryOnly: false, seed: 20240601, workers: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--docs') options.docs = positiveInt(value(), arg);
    else if (arg === '--queries') options.queries = positiveInt(value(), arg);
    else if (arg === '--seed') options.seed = positiveInt(value(), arg);
    else if (arg === '--workers') options.workers = Number(value());
    else if (arg === '--gateway') options.gateway = value();
    else if (arg === '--memory-only') options.memoryOnly = true;
    else if (arg === '--engine') {
      const engine = value();
      if (engine !== 'embedded' && engine !== 'meilisearch') throw new Error('--engine must be embedded or meilisearch');
      options.engine = engine;
    } else throw new Error(`Unknown option ${arg} (use --docs N, --queries N, --engine, --gateway URL, --memory-only, --workers N, --seed N)`);
  }
  return options;
}

function positiveInt(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface EvalLine {
  type: 'doc' | 'query';
  id: string;
  text: string;
}

function readEval(): EvalLine[] {
  const candidates = [resolve(__dirname, '../../../shared/eval/csl-dev.jsonl'), resolve(process.cwd(), '../shared/eval/csl-dev.jsonl')];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`csl-dev.jsonl not found (looked in ${candidates.join(', ')})`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalLine);
}

const KINDS = ['NEED', 'RESULT', 'EXPERT', 'CHALLENGE'] as const;
const INDUSTRIES = ['TEXTILE', 'LEATHER', 'WARP_KNITTING', 'HOME_TEXTILE', 'APPAREL', 'HOSIERY', 'SEMICONDUCTOR', 'EQUIPMENT', 'NEW_ENERGY', 'NEW_MATERIALS', 'HEALTH', 'AEROSPACE'];
const REGIONS = ['330481', '330402', '330411', '330421', '330424', '330482', '330483', '330100', '320500', '310000'];
const MODES = ['TRANSFER', 'LICENSE', 'EQUITY', 'JOINT_DEVELOPMENT', 'TECH_SERVICE'];

function generateListings(lines: EvalLine[], count: number, random: () => number): ListingDocument[] {
  const sentences = lines
    .filter((line) => line.type === 'doc')
    .flatMap((line) => line.text.split(/(?<=[。.!?；;])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 4);
  const keywords = [...new Set(lines.filter((line) => line.id.endsWith('-keywords')).flatMap((line) => line.text.split(/\s+/)))].filter(Boolean);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const out: ListingDocument[] = [];
  const start = Date.parse('2023-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const description = [pick(sentences), pick(sentences), pick(sentences), pick(sentences)].join('');
    const kind = pick(KINDS);
    const budget = Math.round(random() * 500) * 10_000;
    const published = new Date(start + Math.floor(random() * 900 * 86_400_000)).toISOString();
    out.push({
      id: `bench-${i.toString(36)}`,
      kind,
      version: 1,
      title: pick(sentences).slice(0, 28),
      description,
      keywords: [pick(keywords), pick(keywords), pick(keywords)],
      industry: pick(INDUSTRIES),
      region: random() < 0.9 ? pick(REGIONS) : null,
      ownerId: `owner-${Math.floor(random() * 2000)}`,
      organizationName: kind === 'EXPERT' ? null : `企业${Math.floor(random() * 5000)}`,
      cooperationModes: MODES.filter(() => random() < 0.35),
      budgetMin: kind === 'NEED' ? budget : null,
      budgetMax: kind === 'NEED' ? budget * 2 : null,
      askingPrice: kind === 'RESULT' ? budget : null,
      bounty: kind === 'CHALLENGE' ? budget : null,
      trl: kind === 'RESULT' ? 1 + Math.floor(random() * 9) : null,
      ipType: kind === 'RESULT' ? pick(['PATENT', 'SOFTWARE', 'KNOW_HOW']) : null,
      openLicense: random() < 0.1,
      institution: kind === 'EXPERT' ? `大学${Math.floor(random() * 200)}` : null,
      expertTitle: kind === 'EXPERT' ? pick(['教授', '研究员', '副教授']) : null,
      deadline: kind === 'CHALLENGE' ? new Date(Date.parse(published) + 90 * 86_400_000).toISOString() : null,
      publishedAt: published,
      updatedAt: published,
    });
  }
  return out;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** What the latency loop talks to: the engine directly, or (later) the gateway's `search` query. */
interface SearchTarget {
  readonly label: string;
  search(request: SearchRequest): Promise<unknown>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(target: SearchTarget, requests: SearchRequest[], warmup: number): Promise<{ p50: number; p95: number; p99: number; mean: number }> {
  for (const request of requests.slice(0, warmup)) await target.search(request);
  const times: number[] = [];
  for (const request of requests) {
    const started = performance.now();
    await target.search(request);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), mean: round(times.reduce((a, b) => a + b, 0) / times.length) };
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const random = rng(options.seed);
  const lines = readEval();
  console.log(`engine ${options.engine}, ${options.docs} listings, seed ${options.seed}`);
  const listings = generateListings(lines, options.docs, random);
  const queryTexts = shuffle(
    lines.filter((line) => line.type === 'query' && (line.id.endsWith('-title') || line.id.endsWith('-keywords'))).map((line) => line.text),
    random,
  ).slice(0, options.queries);

  const dataDir = options.engine === 'embedded' && !options.memoryOnly ? mkdtempSync(join(tmpdir(), 'ttm-bench-search-')) : undefined;
  const config = loadConfig();
  const engine: SearchEngine =
    options.engine === 'embedded'
      ? new EmbeddedSearchEngine({ dataDir, workers: options.workers })
      : new MeilisearchEngine({ host: config.meiliHost ?? 'http://127.0.0.1:7700', apiKey: config.meiliApiKey, indexPrefix: 'bench' });
  const index: SearchIndex<ListingDocument> = engine.index('listings', LISTING_INDEX_SCHEMA);
  let summary = '';
  try {
    await index.ensure();
    if (options.engine === 'meilisearch') await index.rebuild([]);
    await index.setSynonyms([
      ['光伏', '太阳能电池'],
      ['锂电', '锂离子电池'],
      ['集成电路', '芯片', '半导体'],
      ['AI', '人工智能'],
    ]);

    // Bulk indexing goes through rebuild(), the path `npm run reindex` takes: pages of documents are
    // segmented on worker threads while the previous page is being inserted, then swapped in.
    const batch = 5000;
    async function* pages() {
      for (let start = 0; start < listings.length; start += batch) yield listings.slice(start, start + batch);
    }
    const started = performance.now();
    await index.rebuild(pages(), { checkpoint: 'bench' });
    const indexSeconds = (performance.now() - started) / 1000;
    const indexDocsPerSec = Math.round(listings.length / indexSeconds);
    const stats = await index.stats();
    console.log(`indexed ${stats.documents} listings (bulk, rebuild) in ${indexSeconds.toFixed(1)} s: ${indexDocsPerSec} docs/s${dataDir ? ', snapshot written to disk' : ', memory only'}; RSS ${rssMb()} MB`);

    // Incremental writes, as the outbox consumer makes them: upserts of 100 documents, each journaled.
    const updates = listings.slice(0, Math.min(10_000, listings.length)).map((doc) => ({ ...doc, version: 2 }));
    const updateStarted = performance.now();
    for (let start = 0; start < updates.length; start += 100) await index.upsert(updates.slice(start, start + 100));
    const upsertDocsPerSec = Math.round(updates.length / ((performance.now() - updateStarted) / 1000));
    console.log(`re-upserted ${updates.length} listings in batches of 100: ${upsertDocsPerSec} docs/s${dataDir ? ' (journal fsynced per batch)' : ''}`);

    const direct: SearchTarget = { label: 'direct', search: (request) => index.search(request) };
    const searchRequests: SearchRequest[] = queryTexts.map((query) => ({ query, limit: 20, highlight: { fields: ['title', 'description'] } }));
    const searchTimes = await measure(direct, searchRequests, Math.min(100, searchRequests.length));
    console.log(`search (${searchRequests.length} queries, limit 20, highlights) direct: p50 ${searchTimes.p50} ms, p95 ${searchTimes.p95} ms, p99 ${searchTimes.p99} ms, mean ${searchTimes.mean} ms`);

    const facets = ['kind', 'industry', 'region', 'cooperationModes'];
    const facetRequests: SearchRequest[] = queryTexts.slice(0, 300).map((query, i) => ({
      query: i % 3 === 0 ? '' : query,
      facets,
      limit: 20,
      filter: i % 2 === 0 ? F.eq('industry', INDUSTRIES[i % INDUSTRIES.length]) : undefined,
    }));
    const facetTimes = await measure(direct, facetRequests, 20);
    console.log(`facet queries (${facetRequests.length}; a third without text, half filtered by industry; 4 facets): p50 ${facetTimes.p50} ms, p95 ${facetTimes.p95} ms, p99 ${facetTimes.p99} ms`);

    if (options.gateway) {
      console.log(`--gateway ${options.gateway}: the search service is not behind the gateway yet, so gateway figures are null`);
    } else {
      console.log('gateway: not measured (needs the search service behind the gateway; pass --gateway URL once it exists)');
    }
    const rss = peakRssMb();
    console.log(`RSS now ${rssMb()} MB, peak ${rss} MB`);
    summary = JSON.stringify({
        engine: options.engine,
        docs: stats.documents,
        indexDocsPerSec,
        searchP50MsGateway: null,
        searchP95MsGateway: null,
        searchP95MsDirect: searchTimes.p95,
        facetP95Ms: facetTimes.p95,
        rssMb: rss,
        searchP50MsDirect: searchTimes.p50,
        searchP99MsDirect: searchTimes.p99,
        upsertDocsPerSec,
      });
  } finally {
    await engine.close();
  }
  if (dataDir) {
    // A restart loads snapshot + journal and rebuilds the in-memory index before serving.
    const restarted = new EmbeddedSearchEngine({ dataDir, workers: options.workers });
    const started = performance.now();
    const { documents } = await restarted.index('listings', LISTING_INDEX_SCHEMA).stats();
    console.log(`restart: loaded ${documents} listings from ${dataDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await restarted.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(summary);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
