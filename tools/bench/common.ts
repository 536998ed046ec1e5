/** Pieces both halves of `npm run bench:search` share: the seeded generator, csl-dev text and the timing loop. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EvalLine {
  type: 'doc' | 'query';
  id: string;
  text: string;
}

export function readEval(): EvalLine[] {
  const candidates = [resolve(__dirname, '../../../shared/eval/csl-dev.jsonl'), resolve(process.cwd(), '../shared/eval/csl-dev.jsonl')];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`csl-dev.jsonl not found (looked in ${candidates.join(', ')})`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalLine);
}

/** The sentences of the csl-dev abstracts: listing text is drawn from these. */
export function abstractSentences(lines: readonly EvalLine[]): string[] {
  return lines
    .filter((line) => line.type === 'doc')
    .flatMap((line) => line.text.split(/(?<=[。.!?；;])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 4);
}

/** The distinct words of the `-keywords` queries, used as listing keywords. */
export function keywordPool(lines: readonly EvalLine[]): string[] {
  return [...new Set(lines.filter((line) => line.id.endsWith('-keywords')).flatMap((line) => line.text.split(/\s+/)))].filter(Boolean);
}

/** The `-title` and `-keywords` query texts of csl-dev, in a fixed random order. */
export function queryMix(lines: readonly EvalLine[], random: () => number, limit: number | undefined): string[] {
  const texts = lines.filter((line) => line.type === 'query' && (line.id.endsWith('-title') || line.id.endsWith('-keywords'))).map((line) => line.text);
  return shuffle(texts, random).slice(0, limit);
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Timings {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarize(times: number[]): Timings {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** Runs `warmup` requests untimed, then every request once, one at a time, and returns the latency percentiles. */
export async function measure<R>(run: (request: R) => Promise<unknown>, requests: readonly R[], warmup: number): Promise<Timings> {
  for (const request of requests.slice(0, warmup)) await run(request);
  const times: number[] = [];
  for (const request of requests) {
    const started = performance.now();
    await run(request);
    times.push(performance.now() - started);
  }
  return summarize(times);
}

export const formatTimings = (t: Timings) => `p50 ${t.p50} ms, p95 ${t.p95} ms, p99 ${t.p99} ms, mean ${t.mean} ms`;
