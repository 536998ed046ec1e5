import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@ttm/config';
import { EmbeddedSearchEngine } from '../embedded/embedded-engine';
import { MeilisearchEngine } from '../meilisearch/meilisearch-engine';
import { describeSearchEngineContract } from './search-engine.contract';

jest.setTimeout(120_000);

describeSearchEngineContract('embedded, in memory', async () => {
  const engine = new EmbeddedSearchEngine({ workers: 1 });
  return { engine, cleanup: () => engine.close() };
});

describeSearchEngineContract('embedded, on disk', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ttm-search-contract-'));
  const engine = new EmbeddedSearchEngine({ dataDir, workers: 2 });
  return {
    engine,
    cleanup: async () => {
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

const meiliHost = loadConfig().meiliHost;
if (meiliHost) {
  describeSearchEngineContract(`meilisearch at ${meiliHost}`, async () => {
    const prefix = `contract_${Date.now().toString(36)}`;
    const engine = new MeilisearchEngine({ host: meiliHost, apiKey: loadConfig().meiliApiKey, indexPrefix: prefix });
    return {
      engine,
      cleanup: async () => {
        const { results } = await engine.client.getIndexes({ limit: 1000 });
        for (const index of results.filter((candidate) => candidate.uid.startsWith(`${prefix}_`))) {
          await engine.client.deleteIndex(index.uid).waitTask();
        }
      },
    };
  });
} else {
  console.log('Meilisearch contract run SKIPPED: MEILI_HOST is not set');
  describe('SearchEngine contract: meilisearch', () => {
    it.skip('runs against a real Meilisearch server when MEILI_HOST is set (SKIPPED: MEILI_HOST is not set)', () => undefined);
  });
}
