import { AppConfig, SERVICE_NAMES, serviceUrl } from '@ttm/config';

export function subgraphList(config: AppConfig): { name: string; url: string }[] {
  return SERVICE_NAMES.map((name) => ({ name, url: serviceUrl(config, name) }));
}

/** Waits until every subgraph answers, so composition at start-up does not fail on a slow boot. */
export async function waitForSubgraphs(subgraphs: { name: string; url: string }[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const subgraph of subgraphs) {
    for (;;) {
      try {
        const response = await fetch(subgraph.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
        });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`Subgraph ${subgraph.name} did not answer at ${subgraph.url}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
