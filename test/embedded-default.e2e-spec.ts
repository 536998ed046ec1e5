import { client, failure } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, NEEDS, needInput, REGISTER, RESULTS, SUBMIT_NEED } from './support/operations';

interface Page {
  needs: { totalCount: number; edges: { node: { id: string; title: string; contact: unknown } }[] };
}

/** `npm start` with no DATABASE_URL: embedded PGlite under DATA_DIR, demo data, survives a restart. */
describe('the embedded default (PGlite)', () => {
  let marketplace: RunningMarketplace | undefined;

  afterAll(async () => {
    await marketplace?.stop();
  });

  it('serves the demo data and keeps a new need across a restart', async () => {
    marketplace = await startMarketplace();
    expect(marketplace.output()).toContain('embedded PostgreSQL (PGlite)');
    const anonymous = client(marketplace.url);

    const demo = await anonymous.request<Page>(NEEDS, { first: 5 });
    expect(demo.needs.totalCount).toBeGreaterThanOrEqual(40);
    expect(demo.needs.edges.every((edge) => edge.node.contact === null)).toBe(true);
    const results = await anonymous.request<{ results: { totalCount: number } }>(RESULTS, { first: 1 });
    expect(results.results.totalCount).toBeGreaterThanOrEqual(80);
    const board = await anonymous.request<{ brokerLeaderboard: { rank: number; user: { displayName: string } }[] }>(
      `{ brokerLeaderboard { rank user { displayName } } }`,
    );
    expect(board.brokerLeaderboard).toHaveLength(5);
    expect(board.brokerLeaderboard.every((row) => row.user.displayName.length > 0)).toBe(true);

    const { register } = await anonymous.request<{ register: { accessToken: string } }>(REGISTER, {
      input: { email: 'pglite@e2e.cn', password: 'Pglite2026', displayName: '嵌入式测试', role: 'ENTERPRISE' },
    });
    const owner = client(marketplace.url, register.accessToken);
    const title = '嵌入式数据库重启后仍在的需求';
    const { createNeed } = await owner.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput({ title }) });
    await owner.request(SUBMIT_NEED, { id: createNeed.id });
    const { login } = await anonymous.request<{ login: { accessToken: string } }>(LOGIN, { input: TEST_ADMIN });
    await client(marketplace.url, login.accessToken).request(APPROVE_LISTING, { id: createNeed.id });
    const { dealPipeline } = await client(marketplace.url, login.accessToken).request<{ dealPipeline: { stage: string; count: number }[] }>(
      `{ dealPipeline { stage count } }`,
    );
    expect(dealPipeline.map((column) => column.stage)).toEqual(['NEGOTIATING', 'CONTRACT_SIGNED', 'COMPLETED', 'FAILED']);
    expect(dealPipeline.every((column) => column.count >= 2)).toBe(true);

    const dataDir = marketplace.dataDir;
    await marketplace.stop();
    marketplace = await startMarketplace({ dataDir });

    const after = await client(marketplace.url).request<Page>(NEEDS, { first: 100 });
    expect(after.needs.edges.some((edge) => edge.node.id === createNeed.id && edge.node.title === title)).toBe(true);
    expect(after.needs.totalCount).toBe(demo.needs.totalCount + 1);

    // Simultaneous requests use several pooled connections of each service, which PGlite serves in one session.
    const url = marketplace.url;
    const [logins, pages] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => client(url).request<{ login: { accessToken: string } }>(LOGIN, { input: TEST_ADMIN }))),
      Promise.all(Array.from({ length: 6 }, () => client(url).request<Page>(NEEDS, { first: 3 }))),
    ]);
    expect(logins.every(({ login }) => login.accessToken.length > 0)).toBe(true);
    expect(pages.every((page) => page.needs.totalCount === after.needs.totalCount)).toBe(true);

    // Revocation on the embedded default too: within a second of logout the marketplace refuses the token.
    const { login: session } = await client(url).request<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, { input: TEST_ADMIN });
    const reviewQueue = `{ reviewQueue(first: 1) { totalCount } }`;
    await client(url, session.accessToken).request(reviewQueue);
    await client(url).request(`mutation ($token: String) { logout(refreshToken: $token) }`, { token: session.refreshToken });
    const loggedOutAt = Date.now();
    let refused: { code: string | undefined; sentAfterMs: number } | null = null;
    while (!refused && Date.now() - loggedOutAt < 5000) {
      const sentAt = Date.now();
      const answer = await failure(client(url, session.accessToken), reviewQueue).catch(() => null);
      if (answer) refused = { code: answer.code, sentAfterMs: sentAt - loggedOutAt };
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(refused?.code).toBe('UNAUTHENTICATED');
    expect(refused?.sentAfterMs).toBeLessThanOrEqual(1000);
  });
});
