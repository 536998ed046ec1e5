/** Ranking metrics at a cut-off, binary relevance. */
export interface Metrics {
  'MRR@10': number;
  'Recall@10': number;
  'nDCG@10': number;
  n: number;
}

export const CUTOFF = 10;

export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>, k = CUTOFF): number {
  const at = ranked.slice(0, k).findIndex((id) => relevant.has(id));
  return at < 0 ? 0 : 1 / (at + 1);
}

export function recall(ranked: readonly string[], relevant: ReadonlySet<string>, k = CUTOFF): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

export function ndcg(ranked: readonly string[], relevant: ReadonlySet<string>, k = CUTOFF): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Accumulates per-query figures into means. */
export class MetricsAccumulator {
  private sums = { mrr: 0, recall: 0, ndcg: 0 };
  private count = 0;

  add(ranked: readonly string[], relevant: ReadonlySet<string>): void {
    this.sums.mrr += reciprocalRank(ranked, relevant);
    this.sums.recall += recall(ranked, relevant);
    this.sums.ndcg += ndcg(ranked, relevant);
    this.count += 1;
  }

  result(): Metrics {
    const mean = (sum: number) => (this.count === 0 ? 0 : Math.round((sum / this.count) * 1e4) / 1e4);
    return { 'MRR@10': mean(this.sums.mrr), 'Recall@10': mean(this.sums.recall), 'nDCG@10': mean(this.sums.ndcg), n: this.count };
  }
}
