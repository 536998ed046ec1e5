/**
 * Matching evaluation:
 * `npm run eval:matching -- <file.jsonl> [--no-feedback] [--half A|B] [--limit N] [--rankings FILE]`.
 *
 * Reads a labelled retrieval set, one JSON object a line:
 * - docs: `{"type":"doc","id","text"}` with optional `title`, `keywords`, `industry`, `trl`, `field`;
 * - text queries (csl-dev): `{"type":"query","id","text","relevant":[…]}`;
 * - need-shaped queries (bridge-dev): `{"type":"query","id","title","description","keywords","industry",
 *   "relevant":[…],"graded":{"<doc id>":2|1}}`.
 * Loads the docs as published results into a fresh index (embedded, or Meilisearch when MEILI_HOST is
 * set) and runs every query as a need through the same retrieval and ranking the `matchesForNeed` API
 * uses: a text query as a need whose title is the text and whose keywords are its space-separated
 * parts; a need-shaped query as that need (title, description, keywords, industry). An industry code
 * the taxonomy lacks (OTHER) counts as no industry; docs without an `industry` use their discipline.
 *
 * Prints MRR@10, Recall@10 and nDCG@10 per query type (the id's suffix; `tag` for `tag-…` ids) and
 * overall, next to the baseline — plain BM25 (k1 1.2, b 0.75, see bm25.ts) over jieba tokens of the
 * same fields (results: title + text + keywords; needs: title + description + keywords) — and the
 * median latency of a match. Need-shaped queries also get `bridge` figures, with graded nDCG (gain
 * 2^grade − 1). The last line is one JSON object. `--half A` / `--half B` runs one of two fixed halves
 * of the queries (split by a hash of the paper, so a paper's title, keywords and unseen queries stay
 * together; topic and need-shaped queries by their id) — tune on one, check on the other.
 * `--rankings FILE` writes the matcher's top 10 result ids per query (`{"<query id>": ["id", …]}`),
 * so the figures can be recomputed elsewhere. On Meilisearch the index (`ttm_eval_eval_matching`) is
 * rebuilt by each run and left in place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '@ttm/config';
import { createSearchEngine } from '@ttm/search-engine';
import { INDEXED_LISTING_SCHEMA, IndexedListing, Matcher, toIndexedListing } from '@ttm/search';
import { isIndustryCode } from '@ttm/taxonomy';
import { Bm25Index, JiebaTokenizer } from './bm25';
import { CUTOFF, GradedMetricsAccumulator, Metrics, MetricsAccumulator } from './metrics';

interface DocLine {
  type: 'doc';
  id: string;
  text: string;
  field?: string;
  category?: string;
  title?: string;
  keywords?: string[] | string;
  industry?: string;
  trl?: number;
}

interface QueryLine {
  type: 'query';
  id: string;
  /** A text query's text (need-shaped queries carry it too, as title + description; unused for them). */
  text?: string;
  relevant: string[];
  /** Need-shaped queries: the need's fields and graded judgements. */
  title?: string;
  description?: string;
  keywords?: string[] | string;
  industry?: string;
  graded?: Record<string, number>;
}

/** A need-shaped query (bridge-dev) rather than a text query (csl-dev). */
const isNeedShaped = (query: QueryLine): boolean => query.title !== undefined;

const QUERY_TYPES = ['title', 'keywords', 'unseen', 'tag'] as const;
type Group = 'all' | (typeof QUERY_TYPES)[number] | 'other';

type Half = 'A' | 'B';
const USAGE = 'usage npm run eval:matching -- <file.jsonl> [--no-feedback] [--half A|B] [--limit N] [--rankings FILE]';

interface Options {
  file: string;
  feedback: boolean;
  half: Half | undefined;
  limit: number | undefined;
  rankings: string | undefined;
}

function parseArgs(argv: string[]): Options {
  let file: string | undefined;
  let feedback = true;
  let half: Half | undefined;
  let limit: number | undefined;
  let rankings: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-feedback') feedback = false;
    else if (arg === '--limit') limit = Number(argv[++i]);
    else if (arg === '--rankings') {
      rankings = argv[++i];
      if (!rankings || rankings.startsWith('--')) throw new Error(`--rankings takes a file to write: ${USAGE}`);
    }
    else if (arg === '--half') {
      const value = argv[++i];
      if (value !== 'A' && value !== 'B') throw new Error(`--half takes A or B: ${USAGE}`);
      half = value;
    } else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new Error(`Unknown option ${arg}: ${USAGE}`);
  }
  if (!file) throw new Error('Usage: npm run eval:matching -- <file.jsonl> (e.g. ../shared/eval/csl-dev.jsonl)');
  return { file, feedback, half, limit, rankings };
}

/**
 * A fixed half of the queries: a paper's queries (same relevant document) fall in the same half;
 * topic and need-shaped queries are split by their id.
 */
function halfOf(query: QueryLine): Half {
  const key = query.id.startsWith('tag-') || isNeedShaped(query) ? query.id : (query.relevant[0] ?? query.id);
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
      else if (value.type === 'query') {
        if (!isNeedShaped(value) && typeof value.text !== 'string') throw new Error(`${file}:${number + 1}: a query needs a "text" or a "title"`);
        queries.push(value);
      } else throw new Error(`${file}:${number + 1}: type must be "doc" or "query"`);
    });
  return { docs, queries };
}

const PUBLISHED = '2026-01-01T00:00:00.000Z';

const keywordList = (keywords: string[] | string | undefined): string[] =>
  Array.isArray(keywords) ? keywords : keywords ? keywords.split(/\s+/).filter(Boolean) : [];

/** A labelled industry as a listing's: a code the taxonomy lacks (OTHER) is no industry. */
const knownIndustry = (code: string | undefined): string => (code && isIndustryCode(code) ? code : '');

/** A labelled doc as a published result (without an industry label, its discipline stands in for one). */
function asResult(doc: DocLine): IndexedListing {
  const keywords = keywordList(doc.keywords);
  return toIndexedListing({
    id: doc.id,
    kind: 'RESULT',
    version: 1,
    title: doc.title ?? '',
    description: doc.text,
    keywords,
    industry: doc.industry !== undefined ? knownIndustry(doc.industry) : (doc.field ?? ''),
    region: null,
    ownerId: 'eval',
    organizationName: null,
    cooperationModes: [],
    budgetMin: null,
    budgetMax: null,
    askingPrice: null,
    bounty: null,
    trl: doc.trl ?? null,
    ipType: null,
    openLicense: false,
    institution: null,
    expertTitle: null,
    deadline: null,
    publishedAt: PUBLISHED,
    updatedAt: PUBLISHED,
  });
}

/**
 * A query as a need: a need-shaped query with its own fields; a text query with title = the text and
 * keywords = its space-separated parts (when there are several).
 */
function asNeed(query: QueryLine, n: number): IndexedListing {
  const blank = asResult({ type: 'doc', id: `eval-need-${n}`, text: '' });
  if (isNeedShaped(query)) {
    return toIndexedListing({
      ...blank,
      kind: 'NEED',
      title: query.title ?? '',
      description: query.description ?? '',
      keywords: keywordList(query.keywords),
      industry: knownIndustry(query.industry),
    });
  }
  const text = query.text ?? '';
  const parts = text.split(/\s+/).filter(Boolean);
  return toIndexedListing({ ...blank, kind: 'NEED', title: text, keywords: parts.length > 1 ? parts : [], industry: '' });
}

/** The baseline's text of a listing: title, description and keywords (a result's description is the doc's text). */
const baselineText = (listing: Pick<IndexedListing, 'title' | 'description' | 'keywords'>): string =>
  [listing.title, listing.description, ...listing.keywords].join('\n');

/** The judgements of a query as grades: its `graded` map, or grade 1 for each relevant doc. */
function gradesOf(query: QueryLine): Map<string, number> {
  if (query.graded) return new Map(Object.entries(query.graded));
  return new Map(query.relevant.map((id) => [id, 1]));
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
    const results = docs.map(asResult);
    await index.rebuild([results]);
    const tokenizer = new JiebaTokenizer();
    const bm25 = new Bm25Index((text) => tokenizer.tokens(text));
    for (const result of results) bm25.add(result.id, baselineText(result));
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
    const bridge = { ranked: new GradedMetricsAccumulator(), baseline: new GradedMetricsAccumulator() };
    const rankings: Record<string, string[]> = {};
    const latencies: number[] = [];
    for (const [n, query] of queries.entries()) {
      const relevant = new Set(query.relevant);
      const group = groupOf(query.id);
      const need = asNeed(query, n);
      const before = performance.now();
      const matches = await matcher.match(need, 'RESULT', CUTOFF);
      latencies.push(performance.now() - before);
      const matchedIds = matches.map((match) => match.listing.id);
      const baselineIds = bm25.search(baselineText(need), CUTOFF).map((hit) => hit.id);
      rankings[query.id] = matchedIds;
      add(ranked, group, matchedIds, relevant);
      add(baseline, group, baselineIds, relevant);
      if (isNeedShaped(query)) {
        bridge.ranked.add(matchedIds, gradesOf(query));
        bridge.baseline.add(baselineIds, gradesOf(query));
      }
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
    const bridgeFigures = { ranked: bridge.ranked.result(), baseline: bridge.baseline.result() };
    if (bridgeFigures.ranked.n > 0) {
      const graded = (m: typeof bridgeFigures.ranked) =>
        `${m['MRR@10'].toFixed(4)}  ${m['nDCG@10'].toFixed(4)}  ${m['gradedNDCG@10'].toFixed(4)}  ${m['Recall@10'].toFixed(4)}`;
      console.log(`\nbridge (n ${bridgeFigures.ranked.n})  MRR@10  nDCG@10  graded  Rec@10`);
      console.log(`  ranked    ${graded(bridgeFigures.ranked)}`);
      console.log(`  baseline  ${graded(bridgeFigures.baseline)}`);
    }
    console.log(`median latency of a match: ${medianLatencyMs} ms (baseline search not timed)`);
    if (options.rankings) {
      writeFileSync(options.rankings, `${JSON.stringify(rankings, null, 1)}\n`);
      console.log(`matcher's top ${CUTOFF} per query written to ${options.rankings}`);
    }
    const shape = (from: Map<Group, MetricsAccumulator>) =>
      Object.fromEntries(['all', ...QUERY_TYPES].map((group) => [group, (from.get(group as Group) ?? new MetricsAccumulator()).result()]));
    const last: Record<string, unknown> = { ranked: shape(ranked), baseline: shape(baseline), medianLatencyMs };
    if (bridgeFigures.ranked.n > 0) last.bridge = bridgeFigures;
    console.log(JSON.stringify(last));
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
