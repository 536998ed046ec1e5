/**
 * Search benchmark: `npm run bench:search -- [--docs N] [--engine embedded|meilisearch] [--queries N]
 * [--memory-only] [--skip-direct] [--skip-gateway] [--workers N] [--seed N]`.
 *
 * Generates N synthetic listings (each description: 4 sentences drawn at random from the abstracts
 * in shared/eval/csl-dev.jsonl, fixed seed) and runs the query mix (the `-title` and `-keywords`
 * query texts of the same file, shuffled with a fixed seed) and a facet query mix, twice:
 * - direct: the engine in this process (bulk indexing, latency percentiles, facets, RSS);
 * - gateway (tools/bench/gateway.ts): the whole marketplace started by apps/launcher on a fresh
 *   database of the real PostgreSQL holding N published listings; times the search service's
 *   start-up rebuild and the queries through the public gateway, and reads the search process's RSS.
 * The last line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@ttm/config';
import type { ListingDocument } from '@ttm/events';
import { EmbeddedSearchEngine, F, MeilisearchEngine, SearchEngine, SearchIndex, SearchRequest } from '@ttm/search-engine';
import { INDEXED_LISTING_SCHEMA, IndexedListing, listingKnowledge, toIndexedListing } from '@ttm/search';
import { abstractSentences, EvalLine, formatTimings, keywordPool, measure, queryMix, readEval, rng, Timings } from './common';
import { GatewayBenchResult, runGatewayBench } from './gateway';

interface Options {
  docs: number;
  engine: 'embedded' | 'meilisearch';
  queries: number | undefined;
  memoryOnly: boolean;
  direct: boolean;
  gateway: boolean;
  seed: number;
  workers: number | undefined;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { docs: 100_000, engine: loadConfig().meiliHost ? 'meilisearch' : 'embedded', queries: undefined, memoryOnly: false, direct: true, gateway: true, seed: 20240601, workers: undefined };
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
    else if (arg === '--skip-direct') options.direct = false;
    else if (arg === '--skip-gateway') options.gateway = false;
    else if (arg === '--memory-only') options.memoryOnly = true;
    else if (arg === '--engine') {
      const engine = value();
      if (engine !== 'embedded' && engine !== 'meilisearch') throw new Error('--engine must be embedded or meilisearch');
      options.engine = engine;
    } else throw new Error(`Unknown option ${arg} (use --docs N, --queries N, --engine, --memory-only, --skip-direct, --skip-gateway, --workers N, --seed N)`);
  }
  return options;
}

function positiveInt(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const KINDS = ['NEED', 'RESULT', 'EXPERT', 'CHALLENGE'] as const;
const INDUSTRIES = ['TEXTILE', 'LEATHER', 'WARP_KNITTING', 'HOME_TEXTILE', 'APPAREL', 'HOSIERY', 'SEMICONDUCTOR', 'EQUIPMENT', 'NEW_ENERGY', 'NEW_MATERIALS', 'HEALTH', 'AEROSPACE'];
const REGIONS = ['330481', '330402', '330411', '330421', '330424', '330482', '330483', '330100', '320500', '310000'];
const MODES = ['TRANSFER', 'LICENSE', 'EQUITY', 'JOINT_DEVELOPMENT', 'TECH_SERVICE'];

function generateListings(lines: EvalLine[], count: number, random: () => number): ListingDocument[] {
  const sentences = abstractSentences(lines);
  const keywords = keywordPool(lines);
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

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface DirectResult {
  docs: number;
  indexDocsPerSec: number;
  upsertDocsPerSec: number;
  search: Timings;
  facets: Timings;
  rssMb: number;
}

/** The engine in this process: bulk indexing, incremental upserts, the query and facet mixes, restart. */
async function runDirect(options: Options, lines: EvalLine[], queryTexts: string[]): Promise<DirectResult> {
  const listings = generateListings(lines, options.docs, rng(options.seed + 1));
  const dataDir = options.engine === 'embedded' && !options.memoryOnly ? mkdtempSync(join(tmpdir(), 'ttm-bench-search-')) : undefined;
  const config = loadConfig();
  const engine: SearchEngine =
    options.engine === 'embedded'
      ? new EmbeddedSearchEngine({ dataDir, workers: options.workers })
      : new MeilisearchEngine({ host: config.meiliHost ?? 'http://127.0.0.1:7700', apiKey: config.meiliApiKey, indexPrefix: 'bench' });
  const index: SearchIndex<IndexedListing> = engine.index('listings', INDEXED_LISTING_SCHEMA);
  // The knowledge graph is loaded once per process, before the clock starts (as the service does at start-up).
  listingKnowledge();
  let result: DirectResult;
  try {
    await index.ensure();
    if (options.engine === 'meilisearch') await index.rebuild([]);
    await index.setSynonyms([
      ['光伏', '太阳能电池'],
      ['锂电', '锂离子电池'],
      ['集成电路', '芯片', '半导体'],
      ['AI', '人工智能'],
    ]);

    // Bulk indexing goes through rebuild(), the path `npm run reindex` takes: each page of documents is
    // made into index documents as the indexer makes them — taxonomy paths and the knowledge-graph
    // concepts (annotation), timed with the rest — then segmented on worker threads while the previous
    // page is being inserted, and swapped in.
    const batch = 5000;
    let annotationMs = 0;
    async function* pages() {
      for (let start = 0; start < listings.length; start += batch) {
        const annotating = performance.now();
        const page = listings.slice(start, start + batch).map((document) => toIndexedListing(document));
        annotationMs += performance.now() - annotating;
        yield page;
      }
    }
    const started = performance.now();
    await index.rebuild(pages(), { checkpoint: 'bench' });
    const indexSeconds = (performance.now() - started) / 1000;
    const indexDocsPerSec = Math.round(listings.length / indexSeconds);
    const stats = await index.stats();
    console.log(
      `indexed ${stats.documents} listings (bulk, rebuild, concept annotation included: ${(annotationMs / 1000).toFixed(1)} s of it, ${(annotationMs / listings.length).toFixed(3)} ms a listing) in ${indexSeconds.toFixed(1)} s: ${indexDocsPerSec} docs/s${dataDir ? ', snapshot written to disk' : ', memory only'}; RSS ${rssMb()} MB`,
    );

    // Incremental writes, as the outbox consumer makes them: upserts of 100 documents, each journaled.
    const updates = listings.slice(0, Math.min(10_000, listings.length)).map((doc) => toIndexedListing({ ...doc, version: 2 }));
    const updateStarted = performance.now();
    for (let start = 0; start < updates.length; start += 100) await index.upsert(updates.slice(start, start + 100));
    const upsertDocsPerSec = Math.round(updates.length / ((performance.now() - updateStarted) / 1000));
    console.log(`re-upserted ${updates.length} listings in batches of 100: ${upsertDocsPerSec} docs/s${dataDir ? ' (journal fsynced per batch)' : ''}`);

    const direct = (request: SearchRequest) => index.search(request);
    const searchRequests: SearchRequest[] = queryTexts.map((query) => ({ query, limit: 20, highlight: { fields: ['title', 'description'] } }));
    const searchTimes = await measure(direct, searchRequests, Math.min(100, searchRequests.length));
    console.log(`search (${searchRequests.length} queries, limit 20, highlights) direct: ${formatTimings(searchTimes)}`);

    const facets = ['kind', 'industry', 'region', 'cooperationModes'];
    const facetRequests: SearchRequest[] = queryTexts.slice(0, 300).map((query, i) => ({
      query: i % 3 === 0 ? '' : query,
      facets,
      limit: 20,
      filter: i % 2 === 0 ? F.eq('industry', INDUSTRIES[i % INDUSTRIES.length]) : undefined,
    }));
    const facetTimes = await measure(direct, facetRequests, 20);
    console.log(`facet queries direct (${facetRequests.length}; a third without text, half filtered by industry; 4 facets): ${formatTimings(facetTimes)}`);

    const rss = peakRssMb();
    console.log(`RSS of this process now ${rssMb()} MB, peak ${rss} MB`);
    result = { docs: stats.documents, indexDocsPerSec, upsertDocsPerSec, search: searchTimes, facets: facetTimes, rssMb: rss };
  } finally {
    await engine.close();
  }
  if (dataDir) {
    // A restart loads snapshot + journal and rebuilds the in-memory index before serving.
    const restarted = new EmbeddedSearchEngine({ dataDir, workers: options.workers });
    const started = performance.now();
    const { documents } = await restarted.index('listings', INDEXED_LISTING_SCHEMA).stats();
    console.log(`restart: loaded ${documents} listings from ${dataDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await restarted.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const lines = readEval();
  const queryTexts = queryMix(lines, rng(options.seed), options.queries);
  console.log(`engine ${options.engine}, ${options.docs} listings, ${queryTexts.length} queries, seed ${options.seed}`);

  let direct: DirectResult | undefined;
  if (options.direct) {
    console.log('--- direct: the engine in this process');
    direct = await runDirect(options, lines, queryTexts);
  }
  let gateway: GatewayBenchResult | undefined;
  if (options.gateway) {
    console.log('--- gateway: the marketplace (apps/launcher) on PostgreSQL, queries over HTTP');
    gateway = await runGatewayBench({ docs: options.docs, queries: queryTexts, random: rng(options.seed + 2), lines });
  }
  console.log(
    JSON.stringify({
      engine: options.engine,
      docs: direct?.docs ?? gateway?.indexedDocs ?? 0,
      indexDocsPerSec: direct?.indexDocsPerSec ?? null,
      searchP50MsGateway: gateway?.gateway.p50 ?? null,
      searchP95MsGateway: gateway?.gateway.p95 ?? null,
      searchP95MsDirect: direct?.search.p95 ?? null,
      facetP95Ms: direct?.facets.p95 ?? null,
      // The search service's peak (VmHWM) when the gateway half ran: the process that serves the index.
      rssMb: gateway?.searchRssPeakMb ?? direct?.rssMb ?? null,
      searchP99MsGateway: gateway?.gateway.p99 ?? null,
      searchP95MsGatewayWithNode: gateway?.gatewayWithNode.p95 ?? null,
      searchP95MsSubgraph: gateway?.subgraph.p95 ?? null,
      engineProcessingP95Ms: gateway?.engineProcessing.p95 ?? null,
      facetP95MsGateway: gateway?.facets.p95 ?? null,
      startupIndexDocsPerSec: gateway?.startupIndexDocsPerSec ?? null,
      searchStartupSec: gateway?.startupSec ?? null,
      gatewayRssPeakMb: gateway?.gatewayRssPeakMb ?? null,
      searchP50MsDirect: direct?.search.p50 ?? null,
      searchP99MsDirect: direct?.search.p99 ?? null,
      upsertDocsPerSec: direct?.upsertDocsPerSec ?? null,
      rssMbDirect: direct?.rssMb ?? null,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
