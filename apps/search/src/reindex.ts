import { signServiceToken, standaloneJwtService } from '@ttm/auth';
import { existingJwtSecret, loadConfig, serviceUrl } from '@ttm/config';
import type { ReindexStatus } from '@ttm/search';
import { SingleBar, Presets } from 'cli-progress';

/**
 * `npm run reindex`: asks the running search service to rebuild its index from the marketplace
 * snapshot (on Meilisearch into a fresh index that is then swapped in) and shows the progress.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const secret = config.jwtSecret ?? existingJwtSecret(config.dataDir);
  if (!secret) throw new Error('Set JWT_SECRET (or run `npm start` once so DATA_DIR holds the generated one)');
  const url = serviceUrl(config, 'search', '/internal/reindex');
  const call = async (method: 'GET' | 'POST'): Promise<ReindexStatus> => {
    const token = await signServiceToken(standaloneJwtService(secret), 'reindex');
    const response = await fetch(url, { method, headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`search service answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as ReindexStatus;
  };

  let status = await call('POST').catch((error: unknown) => {
    throw new Error(`Cannot reach the search service at ${url} — is the marketplace running (npm start)? ${String(error)}`);
  });
  const bar = new SingleBar({ format: 'reindex [{bar}] {value}/{total} listings', hideCursor: true }, Presets.shades_classic);
  bar.start(Math.max(status.indexedDocuments, 1), 0);
  while (status.rebuild?.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    status = await call('GET');
    const done = status.rebuild?.documents ?? 0;
    if (done > bar.getTotal()) bar.setTotal(done);
    bar.update(done);
  }
  const documents = status.rebuild?.documents ?? 0;
  bar.setTotal(Math.max(documents, 1));
  bar.update(documents);
  bar.stop();
  if (status.rebuild?.state !== 'done') throw new Error(`reindex failed: ${status.rebuild?.error ?? 'unknown error'}`);
  console.log(`reindexed ${documents} listings (${status.rebuild.startedAt} → ${status.rebuild.finishedAt})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
