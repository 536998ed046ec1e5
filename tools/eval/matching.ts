/**
 * Matching evaluation: `npm run eval:matching -- <file.jsonl> [--no-feedback] [--half A|B] [--limit N]`.
 *
 * Reads a labelled retrieval set (one JSON object a line: `{"type":"doc","id","text","field","category"}`
 * with optional `title` and `keywords`, or `{"type":"query","id","text","relevant":[…]}`), loads the
 * docs as published results into a fresh index (embedded, or Meilisearch when MEILI_HOST is set), and
 * runs every query — as a need whose title is the query text and whose keywords are its
 * space-separated parts — through the same retrieval and ranking the `matchesForNeed` API uses.
 * Prints MRR@10, Recall@10 and nDCG@10 per query type (the id's suffix; `tag` for `tag-…` ids) and
 * overall, next to a plain baseline (the engine's keyword search with default settings), and the
 * median latency of a match. The last line is one JSON object. `--half A` / `--half B` runs one of two
 * fixed halves of the queries (split by a hash of the paper, so a paper's title, keywords and unseen
 * queries stay together; topic queries by their id) — tune on one, check on the other. On Meilisearch the index
 * (`ttm_eval_eval_matching`) is rebuilt by each run and left in place.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '@ttm/config';
import { createSearchEngine } from '@ttm/search-engine';
import { INDEXED_LISTING_SCHEMA, IndexedListing, Matcher, toIndexedListing } from '@ttm/search';
import { CUTOFF, Metrics, MetricsAccumulator } from './metrics';

interface DocLine {
  type: 'doc';
  id: string;
  text: string;
  field?: string;
  category?: string;
  title?: string;
  keywords?: string[] | string;
}

interface QueryLine {
  type: 'query';
  id: string;
  text: string;
  relevant: string[];
}

const QUERY_TYPES = ['title', 'keywords', 'unseen', 'tag'] as const;
type Group = 'all' | (typeof QUERY_TYPES)[number] | 'other';

type Half = 'A' | 'B';
const USAGE = 'usage npm run eval:matching -- <file.jsonl> [--no-feedback] [--half A|B] [--limit N]';

function parseArgs(argv: string[]): { file: string; feedback: boolean; half: Half | undefined; limit: number | undefined } {
  let file: string | undefined;
  let feedback = true;
  let half: Half | undefined;
  let limit: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-feedback') feedback = false;
    else if (arg === '--limit') limit = Number(argv[++i]);
    else if (arg === '--half') {
      const value = argv[++i];
      if (value !== 'A' && value !== 'B') throw new Error(`--half takes A or B: ${USAGE}`);
      half = value;
    } else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new Error(`Unknown option ${arg}: ${USAGE}`);
  }
  if (!file) throw new Error('Usage: npm run eval:matching -- <file.jsonl> (e.g. ../shared/eval/csl-dev.jsonl)');
  return { file, feedback, half, limit };
}

/** A fixed half of the queries: a paper's queries (same relevant document) fall in the same half. */
function halfOf(query: QueryLine): Half {
  const key = query.id.startsWith('tag-') ? query.id : (query.relevant[0] ?? query.id);
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 2 === 1 ? 'B' : 'A';
}

function readLines(file: string): { docs: DocLine[]; queries: QueryLine[] } {
  const docs: DocLine[] = [];
  const queries: QueryLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, number) => {
      if (line.trim() === '') return;
      const value = JSON.parse(line) as DocLine | QueryLine;
      if (value.type === 'doc') docs.push(value);
      else if (value.type === 'query') queries.push(value);
      else throw new Error(`${file}:${number + 1}: type must be "doc" or "query"`);
    });
  return { docs, queries };
}

const PUBLISHED = '2026-01-01T00:00:00.000Z';

/** A labelled doc as a published result (its discipline stands in for the industry). */
function asResult(doc: DocLine): IndexedListing {
  const keywords = Array.isArray(doc.keywords) ? doc.keywords : doc.keywords ? doc.keywords.split(/\s+/).filter(Boolean) : [];
  return toIndexedListing({
    id: doc.id,
    kind: 'RESULT',
    version: 1,
    title: doc.title ?? '',
    description: doc.text,
    keywords,
    industry: doc.field ?? '',
    region: null,
    ownerId: 'eval',
    organizationName: null,
    cooperationModes: [],
    budgetMin: null,
    budgetMax: null,
    askingPrice: null,
    bounty: null,
    trl: null,
    ipType: null,
    openLicense: false,
    institution: null,
    expertTitle: null,
    deadline: null,
    publishedAt: PUBLISHED,
    updatedAt: PUBLISHED,
  });
}

/** A query as a need: title = the text, keywords = its space-separated parts (when there are several). */
function asNeed(query: QueryLine, n: number): IndexedListing {
  const parts = query.text.split(/\s+/).filter(Boolean);
  return toIndexedListing({
    ...asResult({ type: 'doc', id: `eval-need-${n}`, text: '' }),
    kind: 'NEED',
    title: query.text,
    keywords: parts.length > 1 ? parts : [],
    industry: '',
  });
}

const groupOf = (id: string): Group => {
  if (id.startsWith('tag-')) return 'tag';
  const suffix = id.slice(id.lastIndexOf('-') + 1);
  return (QUERY_TYPES as readonly string[]).includes(suffix) ? (suffix as Group) : 'other';
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const format = (metrics: Metrics) => `${metrics['MRR@10'].toFixed(4)}  ${metrics['Recall@10'].toFixed(4)}  ${metrics['nDCG@10'].toFixed(4)}`;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { docs, queries: allQueries } = readLines(options.file);
  const inHalf = options.half ? allQueries.filter((query) => halfOf(query) === options.half) : allQueries;
  const queries = options.limit ? inHalf.slice(0, options.limit) : inHalf;
  const config = loadConfig();
  const engine = createSearchEngine({ meiliHost: config.meiliHost, meiliApiKey: config.meiliApiKey, indexPrefix: 'ttm_eval' });
  const index = engine.index('eval_matching', INDEXED_LISTING_SCHEMA);
  try {
    await index.ensure();
    const started = performance.now();
    await index.rebuild([docs.map(asResult)]);
    const scope = options.half ? ` (half ${options.half})` : '';
    console.log(`${engine.kind} engine: ${docs.length} docs indexed in ${Math.round(performance.now() - started)} ms; ${queries.length} queries${scope}`);

    const matcher = new Matcher(index, { feedback: options.feedback, now: () => new Date(PUBLISHED) });
    const ranked = new Map<Group, MetricsAccumulator>();
    const baseline = new Map<Group, MetricsAccumulator>();
    const add = (into: Map<Group, MetricsAccumulator>, group: Group, ids: string[], relevant: Set<string>) => {
      for (const key of ['all', group] as Group[]) {
        if (!into.has(key)) into.set(key, new MetricsAccumulator());
        into.get(key)?.add(ids, relevant);
      }
    };
    const latencies: number[] = [];
    for (const [n, query] of queries.entries()) {
      const relevant = new Set(query.relevant);
      const group = groupOf(query.id);
      const before = performance.now();
      const matches = await matcher.match(asNeed(query, n), 'RESULT', CUTOFF);
      latencies.push(performance.now() - before);
      add(ranked, group, matches.map((match) => match.listing.id), relevant);
      const plain = await index.search({ query: query.text, limit: CUTOFF });
      add(baseline, group, plain.hits.map((hit) => hit.id), relevant);
      if ((n + 1) % 500 === 0) console.log(`  ${n + 1}/${queries.length}`);
    }

    const groups: Group[] = ['all', ...QUERY_TYPES, 'other'].filter((group) => ranked.has(group as Group)) as Group[];
    console.log(`\n${'type'.padEnd(9)} ${'n'.padStart(5)}   ranked: MRR@10  Rec@10  nDCG@10   baseline: MRR@10  Rec@10  nDCG@10`);
    for (const group of groups) {
      const r = ranked.get(group)?.result();
      const b = baseline.get(group)?.result();
      if (!r || !b) continue;
      console.log(`${group.padEnd(9)} ${String(r.n).padStart(5)}   ${format(r)}        ${format(b)}`);
    }
    const medianLatencyMs = Math.round(median(latencies) * 100) / 100;
    console.log(`median latency of a match: ${medianLatencyMs} ms (baseline search not timed)`);
    const shape = (from: Map<Group, MetricsAccumulator>) =>
      Object.fromEntries(['all', ...QUERY_TYPES].map((group) => [group, (from.get(group as Group) ?? new MetricsAccumulator()).result()]));
    console.log(JSON.stringify({ ranked: shape(ranked), baseline: shape(baseline), medianLatencyMs }));
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
