import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmbeddedSearchEngine } from './embedded-engine';

/**
 * Relevance on the shared evaluation set (1,000 Chinese abstracts with title and keyword queries):
 * a regression guard for segmentation and ranking, not a timing test.
 */
const EVAL_PATH = resolve(__dirname, '../../../../../shared/eval/csl-dev.jsonl');

interface EvalLine {
  type: 'doc' | 'query';
  id: string;
  text: string;
  relevant?: string[];
}

const available = existsSync(EVAL_PATH);
if (!available) console.log(`Relevance evaluation SKIPPED: ${EVAL_PATH} not found`);

(available ? describe : describe.skip)('embedded engine relevance on csl-dev', () => {
  jest.setTimeout(120_000);
  const lines = available ? readFileSync(EVAL_PATH, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as EvalLine) : [];
  const engine = new EmbeddedSearchEngine();
  const index = engine.index<{ id: string; description: string }>('csl', { fields: { description: { type: 'text', searchWeight: 1 } } });

  beforeAll(async () => {
    await index.upsert(lines.filter((line) => line.type === 'doc').map((line) => ({ id: line.id, description: line.text })));
  });
  afterAll(() => engine.close());

  it.each([
    ['-title', 0.85],
    ['-keywords', 0.85],
  ])('finds the abstract of a paper from its %s (MRR@10 ≥ %s)', async (suffix, minimum) => {
    const queries = lines.filter((line) => line.type === 'query' && line.id.endsWith(suffix));
    let reciprocalRanks = 0;
    for (const query of queries) {
      const { hits } = await index.search({ query: query.text, limit: 10 });
      const rank = hits.findIndex((hit) => query.relevant?.includes(hit.id));
      if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    }
    const mrr = reciprocalRanks / queries.length;
    console.log(`csl-dev ${suffix} queries: MRR@10 ${mrr.toFixed(3)} over ${queries.length}`);
    expect(mrr).toBeGreaterThanOrEqual(minimum);
  });
});
