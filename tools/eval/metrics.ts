/** Ranking metrics at a cut-off (binary relevance unless said otherwise). */
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

/**
 * nDCG at a cut-off with graded relevance (grade 0 or absent = not relevant): gain 2^grade − 1,
 * discount log2(rank + 1), normalised by the DCG of the ideal order of all graded documents.
 */
export function gradedNdcg(ranked: readonly string[], grades: ReadonlyMap<string, number>, k = CUTOFF): number {
  const gain = (grade: number) => 2 ** grade - 1;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2);
  });
  let ideal = 0;
  [...grades.values()]
    .sort((x, y) => y - x)
    .slice(0, k)
    .forEach((grade, i) => {
      ideal += gain(grade) / Math.log2(i + 2);
    });
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Figures for queries with graded judgements (the bridge set): binary ones count every grade ≥ 1 as relevant. */
export interface GradedMetrics {
  'MRR@10': number;
  'nDCG@10': number;
  'gradedNDCG@10': number;
  'Recall@10': number;
  n: number;
}

export class GradedMetricsAccumulator {
  private readonly binary = new MetricsAccumulator();
  private graded = 0;

  add(ranked: readonly string[], grades: ReadonlyMap<string, number>): void {
    const relevant = new Set([...grades].filter(([, grade]) => grade > 0).map(([id]) => id));
    this.binary.add(ranked, relevant);
    this.graded += gradedNdcg(ranked, grades);
  }

  result(): GradedMetrics {
    const binary = this.binary.result();
    const graded = binary.n === 0 ? 0 : Math.round((this.graded / binary.n) * 1e4) / 1e4;
    return { 'MRR@10': binary['MRR@10'], 'nDCG@10': binary['nDCG@10'], 'gradedNDCG@10': graded, 'Recall@10': binary['Recall@10'], n: binary.n };
  }
}
