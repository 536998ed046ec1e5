import { GradedMetricsAccumulator, gradedNdcg, ndcg } from './metrics';

describe('gradedNdcg', () => {
  // Grades a:2, b:1, c:1 → gains 3, 1, 1. Ranking x, b, a, y:
  // DCG = 0/log2 2 + 1/log2 3 + 3/log2 4 = 0.63093 + 1.5 = 2.13093
  // ideal a, b, c: 3/log2 2 + 1/log2 3 + 1/log2 4 = 3 + 0.63093 + 0.5 = 4.13093 → 0.51585
  const grades = new Map([
    ['a', 2],
    ['b', 1],
    ['c', 1],
  ]);

  it('matches a hand-computed case with gain 2^grade − 1', () => {
    expect(gradedNdcg(['x', 'b', 'a', 'y'], grades)).toBeCloseTo(2.1309298 / 4.1309298, 6);
    expect(gradedNdcg(['x', 'b', 'a', 'y'], grades)).toBeCloseTo(0.51585, 4);
  });

  it('is 1 for the ideal order and 0 without a relevant document', () => {
    expect(gradedNdcg(['a', 'b', 'c'], grades)).toBe(1);
    expect(gradedNdcg(['a', 'c', 'b'], grades)).toBe(1);
    expect(gradedNdcg(['b', 'c', 'a'], grades)).toBeLessThan(1);
    expect(gradedNdcg(['x', 'y'], grades)).toBe(0);
    expect(gradedNdcg(['a'], new Map())).toBe(0);
  });

  it('counts only the first k ranks and the best k grades', () => {
    // k = 2: DCG = 0 + 1/log2 3; ideal = 3 + 1/log2 3.
    expect(gradedNdcg(['x', 'b', 'a'], grades, 2)).toBeCloseTo(0.6309298 / 3.6309298, 6);
  });

  it('equals binary nDCG when every grade is 1', () => {
    const ranking = ['x', 'b', 'y', 'c'];
    expect(gradedNdcg(ranking, new Map([['b', 1], ['c', 1], ['d', 1]]))).toBeCloseTo(ndcg(ranking, new Set(['b', 'c', 'd'])), 10);
  });
});

describe('GradedMetricsAccumulator', () => {
  it('averages binary and graded figures over queries', () => {
    const accumulator = new GradedMetricsAccumulator();
    accumulator.add(['x', 'b', 'a', 'y'], new Map([['a', 2], ['b', 1], ['c', 1]]));
    accumulator.add(['z'], new Map([['a', 2]]));
    const result = accumulator.result();
    expect(result.n).toBe(2);
    expect(result['MRR@10']).toBe(0.25); // (1/2 + 0) / 2
    expect(result['Recall@10']).toBeCloseTo((2 / 3 + 0) / 2, 4);
    expect(result['gradedNDCG@10']).toBeCloseTo(0.51585 / 2, 4);
  });
});
