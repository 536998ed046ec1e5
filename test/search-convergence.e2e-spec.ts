import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { GraphQLClient } from 'graphql-request';
import {
  CLOSE_EXPERT,
  CLOSE_NEED,
  CLOSE_RESULT,
  convergenceNeedInput,
  convergenceResultInput,
  CREATE_RESULT,
  exitCount,
  launchedPids,
  marker,
  MarketplaceTables,
  PUBLISHED_EXPERTS,
  PUBLISHED_NEEDS,
  PUBLISHED_RESULTS,
  REJECT_LISTING,
  searchIds,
  sleep,
  SUBMIT_RESULT,
  UPDATE_NEED_STATUS,
  UPDATE_RESULT,
  waitFor,
} from './support/convergence';
import { client } from './support/graphql-client';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, REGISTER, SUBMIT_NEED } from './support/operations';

type Kind = 'NEED' | 'RESULT' | 'EXPERT';
type SearchState = 'up' | 'down';

/** A listing whose title the test wrote: every marker it ever had, the last one being the current title's. */
interface Tracked {
  id: string;
  kind: Kind;
  /** Created by our enterprise or researcher (else a demo listing an administrator edited). */
  own: boolean;
  status: string;
  markers: string[];
}

interface Step {
  name: string;
  run: () => Promise<void>;
}

interface Comparison {
  indexed: number;
  published: number;
  missing: string[];
  extra: string[];
  duplicates: string[];
  stale: string[];
}

const REASON = '技术指标描述不完整，请补充量化指标后重新提交';
const CONVERGE_TIMEOUT_MS = 60_000;

/**
 * The search index is derived data: whatever happens to the search service, once changes stop it must
 * hold exactly the PUBLISHED listings PostgreSQL holds, each in its latest version. The search process
 * is SIGKILLed (twice) while enterprises, researchers and the administrator keep changing listings
 * through the gateway; the launcher restarts it from its persisted index and checkpoint.
 */
describe('search converges to PostgreSQL after the search service is killed', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  let tables: MarketplaceTables;
  let anonymous: GraphQLClient;
  const tracked = new Map<string, Tracked>();

  async function compare(checkVersions: boolean): Promise<Comparison> {
    const indexedIds = await searchIds(anonymous);
    const publishedIds = await tables.publishedIds();
    const indexed = new Set(indexedIds);
    const published = new Set(publishedIds);
    const comparison: Comparison = {
      indexed: indexed.size,
      published: published.size,
      missing: [...published].filter((id) => !indexed.has(id)).sort(),
      extra: [...indexed].filter((id) => !published.has(id)).sort(),
      duplicates: indexedIds.filter((id, i) => indexedIds.indexOf(id) !== i),
      stale: [],
    };
    if (checkVersions && comparison.missing.length + comparison.extra.length + comparison.duplicates.length === 0) {
      comparison.stale = await staleDocuments();
    }
    return comparison;
  }

  /** Each edited listing is found by its current title word and by none of its former ones. */
  async function staleDocuments(): Promise<string[]> {
    const rows = await tables.rows([...tracked.keys()]);
    const stale: string[] = [];
    for (const listing of tracked.values()) {
      const row = rows.get(listing.id);
      const current = listing.markers[listing.markers.length - 1];
      // The test's own bookkeeping must match PostgreSQL, or the checks below would prove nothing.
      if (!row || !row.title.includes(current) || row.status !== listing.status) {
        throw new Error(`bookkeeping of ${listing.kind} ${listing.id} (${listing.status}, ${current}) disagrees with PostgreSQL: ${JSON.stringify(row)}`);
      }
      const foundByCurrent = (await searchIds(anonymous, current)).includes(listing.id);
      if (row.status === 'PUBLISHED' && !foundByCurrent) stale.push(`${listing.id} not found by its current title word ${current}`);
      if (row.status !== 'PUBLISHED' && foundByCurrent) stale.push(`${listing.id} (${row.status}) found by ${current}`);
      for (const former of listing.markers.slice(0, -1)) {
        if ((await searchIds(anonymous, former)).includes(listing.id)) stale.push(`${listing.id} still found by its former title word ${former}`);
      }
    }
    return stale;
  }

  const clean = (comparison: Comparison) =>
    comparison.missing.length + comparison.extra.length + comparison.duplicates.length + comparison.stale.length === 0;

  /** Polls until search equals PostgreSQL (bounded); returns the last comparison and how long it took. */
  async function converge(checkVersions: boolean): Promise<{ comparison: Comparison; ms: number; polls: number }> {
    const started = Date.now();
    let comparison: Comparison | undefined;
    let polls = 0;
    while (Date.now() - started < CONVERGE_TIMEOUT_MS) {
      polls += 1;
      try {
        comparison = await compare(checkVersions);
        if (clean(comparison)) break;
      } catch (error) {
        // The search service may still be starting: the gateway then answers with an error.
        if (error instanceof Error && error.message.startsWith('bookkeeping')) throw error;
      }
      await sleep(250);
    }
    if (!comparison) throw new Error(`search never answered within ${CONVERGE_TIMEOUT_MS / 1000} s`);
    return { comparison, ms: Date.now() - started, polls };
  }

  const searchAnswers = () =>
    anonymous.request(`{ search(input: { first: 1 }) { totalHits } }`).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    database = await createTestDatabase('convergence');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'true' } });
    tables = await MarketplaceTables.open(database.url);
    anonymous = client(marketplace.url);
  });

  afterAll(async () => {
    await tables?.close();
    await marketplace?.stop();
    await database?.drop();
  });

  it('serves every published demo listing once it has started', async () => {
    const { comparison } = await converge(false);
    expect(comparison).toEqual(expect.objectContaining({ missing: [], extra: [], duplicates: [] }));
    expect(comparison.published).toBeGreaterThanOrEqual(150);
  });

  it('holds exactly the published listings, in their latest versions, after SIGKILLs during a stream of changes', async () => {
    const register = async (email: string, role: string, displayName: string) => {
      const { register: payload } = await anonymous.request<{ register: { accessToken: string } }>(REGISTER, {
        input: { email, password: 'Converge2026', displayName, role },
      });
      return client(marketplace.url, payload.accessToken);
    };
    const enterprise = await register('factory@e2e-convergence.cn', 'ENTERPRISE', '海宁经编厂');
    const researcher = await register('lab@e2e-convergence.edu.cn', 'RESEARCHER', '光伏实验室');
    const { login } = await anonymous.request<{ login: { accessToken: string } }>(LOGIN, { input: TEST_ADMIN });
    const admin = client(marketplace.url, login.accessToken);

    // Demo listings (owned by demo accounts) the administrator moderates while the stream runs.
    const demo: Record<Kind, { id: string; title: string }[]> = {
      NEED: (await admin.request<{ needs: { edges: { node: { id: string; title: string } }[] } }>(PUBLISHED_NEEDS)).needs.edges.map((e) => e.node),
      RESULT: (await admin.request<{ results: { edges: { node: { id: string; title: string } }[] } }>(PUBLISHED_RESULTS)).results.edges.map((e) => e.node),
      EXPERT: (await admin.request<{ experts: { edges: { node: { id: string; name: string } }[] } }>(PUBLISHED_EXPERTS)).experts.edges.map((e) => ({
        id: e.node.id,
        title: e.node.name,
      })),
    };
    const takeDemo = (kind: Kind) => {
      const listing = demo[kind].shift();
      if (!listing) throw new Error(`no published demo ${kind} left`);
      return listing;
    };

    const ops = {
      NEED: {
        owner: enterprise,
        title: (word: string) => `经编机断纱在线检测系统开发 ${word}`,
        create: async (title: string) =>
          (await enterprise.request<{ createNeed: { id: string; status: string } }>(CREATE_NEED, { input: convergenceNeedInput(title) })).createNeed,
        submit: async (id: string) => (await enterprise.request<{ submitNeed: { status: string } }>(SUBMIT_NEED, { id })).submitNeed.status,
        update: async (as: GraphQLClient, id: string, title: string) =>
          (await as.request<{ updateNeed: { status: string } }>(UPDATE_NEED_STATUS, { id, input: { title } })).updateNeed.status,
        close: async (as: GraphQLClient, id: string) => (await as.request<{ closeNeed: { status: string } }>(CLOSE_NEED, { id })).closeNeed.status,
      },
      RESULT: {
        owner: researcher,
        title: (word: string) => `钙钛矿叠层组件湿热封装工艺 ${word}`,
        create: async (title: string) =>
          (await researcher.request<{ createResult: { id: string; status: string } }>(CREATE_RESULT, { input: convergenceResultInput(title) })).createResult,
        submit: async (id: string) => (await researcher.request<{ submitResult: { status: string } }>(SUBMIT_RESULT, { id })).submitResult.status,
        update: async (as: GraphQLClient, id: string, title: string) =>
          (await as.request<{ updateResult: { status: string } }>(UPDATE_RESULT, { id, input: { title } })).updateResult.status,
        close: async (as: GraphQLClient, id: string) => (await as.request<{ closeResult: { status: string } }>(CLOSE_RESULT, { id })).closeResult.status,
      },
    };
    const approve = async (listing: Tracked) => {
      await admin.request(APPROVE_LISTING, { id: listing.id });
      listing.status = 'PUBLISHED';
    };
    const reject = async (id: string) => {
      await admin.request(REJECT_LISTING, { id, reason: REASON });
      const listing = tracked.get(id);
      if (listing) listing.status = 'REJECTED';
    };

    // Own published listings, oldest first, taken in turn so the edits spread over many listings.
    let turn = 0;
    const ownPublished = (): Tracked | undefined => {
      const candidates = [...tracked.values()].filter((listing) => listing.own && listing.status === 'PUBLISHED');
      return candidates.length ? candidates[turn++ % candidates.length] : undefined;
    };

    // Each scenario is a few mutations a real user would make, in order; the stream runs them one by one.
    let created = 0;
    const createAndSubmit = (kind: 'NEED' | 'RESULT', then: (listing: Tracked) => Step[]): Step[] => {
      const word = marker('q');
      const holder: { listing?: Tracked } = {};
      const listing = () => {
        if (!holder.listing) throw new Error('created listing missing');
        return holder.listing;
      };
      const steps: Step[] = [
        {
          name: `create ${kind}`,
          run: async () => {
            const made = await ops[kind].create(ops[kind].title(word));
            created += 1;
            holder.listing = { id: made.id, kind, own: true, status: made.status, markers: [word] };
            tracked.set(made.id, holder.listing);
          },
        },
        { name: `submit ${kind}`, run: async () => void (listing().status = await ops[kind].submit(listing().id)) },
      ];
      // The follow-up steps need the id, so they are built lazily once the listing exists.
      return [...steps, { name: 'then', run: async () => stream.push(then(listing())) }];
    };
    const editTitle = (listing: Tracked, as: GraphQLClient, name: string): Step => ({
      name,
      run: async () => {
        const word = marker('z');
        listing.status = await ops[listing.kind as 'NEED' | 'RESULT'].update(as, listing.id, ops[listing.kind as 'NEED' | 'RESULT'].title(word));
        listing.markers.push(word);
      },
    });

    const scenarios: (() => Step[])[] = [
      // A new need and a new result go through review to the public.
      () => createAndSubmit('NEED', (listing) => [{ name: 'approve NEED', run: () => approve(listing) }]),
      () => createAndSubmit('RESULT', (listing) => [{ name: 'approve RESULT', run: () => approve(listing) }]),
      // The owner edits a published listing (back to review) and the administrator approves it again.
      () => {
        const listing = ownPublished();
        if (!listing) return scenarios[0]();
        return [editTitle(listing, ops[listing.kind as 'NEED' | 'RESULT'].owner, 'owner edit → review'), { name: 'approve again', run: () => approve(listing) }];
      },
      // The administrator takes a published demo listing down.
      () => {
        const kinds: Kind[] = ['NEED', 'RESULT', 'EXPERT'];
        const target = takeDemo(kinds[turn++ % kinds.length]);
        return [{ name: 'reject published demo listing', run: () => reject(target.id) }];
      },
      // A moderator's edit keeps a demo listing published, with the new title.
      () => {
        const kind: 'NEED' | 'RESULT' = turn++ % 2 ? 'NEED' : 'RESULT';
        const target = takeDemo(kind);
        return [
          {
            name: 'admin edits published demo listing',
            run: async () => {
              const word = marker('x');
              const status = await ops[kind].update(admin, target.id, `${target.title.slice(0, 40)} ${word}`);
              tracked.set(target.id, { id: target.id, kind, own: false, status, markers: [word] });
            },
          },
        ];
      },
      // The owner edits a published listing and it stays in review (so it leaves the index).
      () => {
        const listing = ownPublished();
        if (!listing) return scenarios[1]();
        return [editTitle(listing, ops[listing.kind as 'NEED' | 'RESULT'].owner, 'owner edit left in review')];
      },
      // Listings closed for good: one of ours by its owner, a demo expert by the administrator.
      () => {
        const listing = ownPublished();
        const expert = takeDemo('EXPERT');
        const steps: Step[] = [{ name: 'admin closes demo expert', run: async () => void (await admin.request(CLOSE_EXPERT, { id: expert.id })) }];
        if (listing) {
          steps.unshift({
            name: 'owner closes listing',
            run: async () => void (listing.status = await ops[listing.kind as 'NEED' | 'RESULT'].close(ops[listing.kind as 'NEED' | 'RESULT'].owner, listing.id)),
          });
        }
        return steps;
      },
      // Submitted but rejected in review: never public.
      () => createAndSubmit(turn++ % 2 ? 'NEED' : 'RESULT', (listing) => [{ name: 'reject in review', run: () => reject(listing.id) }]),
      // Taken down, edited by its owner, resubmitted and approved again.
      () => {
        const listing = ownPublished();
        if (!listing) return scenarios[0]();
        const kind = listing.kind as 'NEED' | 'RESULT';
        return [
          { name: 'admin takes own listing down', run: () => reject(listing.id) },
          editTitle(listing, ops[kind].owner, 'owner edits rejected listing'),
          { name: 'owner resubmits', run: async () => void (listing.status = await ops[kind].submit(listing.id)) },
          { name: 'approve resubmitted', run: () => approve(listing) },
        ];
      },
    ];

    /** The stream of changes: runs steps one after another up to `limit`, recording what search was doing. */
    const stream = {
      queue: [] as Step[],
      scenario: 0,
      limit: 0,
      stopped: false,
      searchState: 'up' as SearchState,
      applied: [] as { name: string; search: SearchState }[],
      error: undefined as unknown,
      push(steps: Step[]) {
        this.queue.unshift(...steps);
      },
      next(): Step {
        if (this.queue.length === 0) this.queue.push(...scenarios[this.scenario++ % scenarios.length]());
        const step = this.queue.shift();
        if (!step) throw new Error('no step');
        return step;
      },
      async run(): Promise<void> {
        try {
          while (!this.stopped) {
            if (this.applied.length >= this.limit) {
              await sleep(20);
              continue;
            }
            const step = this.next();
            const search = this.searchState;
            await step.run();
            if (step.name !== 'then') this.applied.push({ name: step.name, search });
          }
        } catch (error) {
          this.error = error;
          throw error;
        }
      },
      /** Resolves once `count` changes are applied; fails if a change failed. */
      until(count: number, timeoutMs = 60_000): Promise<number> {
        return waitFor(`${count} changes`, () => {
          if (this.error) throw this.error;
          return this.applied.length >= count ? this.applied.length : undefined;
        }, timeoutMs);
      },
    };

    const output = marketplace.output;
    const searchPids = () => launchedPids(output(), 'search');
    const kill = async (pid: number, exitsBefore: number) => {
      process.kill(pid, 'SIGKILL');
      stream.searchState = 'down';
      await waitFor(`the launcher to see search (pid ${pid}) die`, () => (exitCount(output(), 'search') > exitsBefore ? true : undefined), 10_000);
    };
    const nextPid = (after: number) =>
      waitFor(`the launcher to restart search after pid ${after}`, () => searchPids().find((pid, i, all) => i > all.indexOf(after)), 30_000);

    const running = stream.run();
    running.catch(() => undefined);
    try {
      // 1. Changes while search is up; the first kill lands while the stream is still running.
      stream.limit = 10;
      await stream.until(4);
      const first = searchPids().at(-1) ?? NaN;
      await kill(first, 0);

      // 2. Changes while search is down, and while the launcher restarts it.
      stream.limit = 26;
      await stream.until(18);
      const second = await nextPid(first);
      // Kill the restarted process again during its start-up (index loading / feed catch-up), when it logs its routes.
      const secondLog = await waitFor(`search pid ${second} to start booting`, () => {
        const log = output().slice(output().indexOf(`started search (pid ${second})`));
        return log.split('\n').some((line) => line.startsWith('[search]') && line.includes('Mapped {/graphql, POST} route')) ? log : undefined;
      }, 30_000);
      const secondWasServing = secondLog.includes('search subgraph listening');
      await kill(second, 1);

      // 3. More changes while it is down again, then after it has restarted and caught up.
      stream.limit = 34;
      await stream.until(30);
      const third = await nextPid(second);
      await waitFor('search to answer through the gateway again', async () => ((await searchAnswers()) ? true : undefined), 60_000, 200);
      stream.searchState = 'up';
      const afterRestart = Math.max(stream.applied.length, 34) + 10;
      stream.limit = afterRestart;
      await stream.until(afterRestart);
      stream.stopped = true;
      await running;

      // 4. Changes have stopped: search must converge to PostgreSQL.
      const { comparison, ms, polls } = await converge(true);
      const byState = { up: 0, down: 0 };
      for (const change of stream.applied) byState[change.search] += 1;
      console.log(
        [
          `search pids ${[first, second, third].join(' → ')} (second one killed ${secondWasServing ? 'after' : 'before'} it served)`,
          `${stream.applied.length} changes (${byState.down} while search was down or restarting, ${byState.up} while it was up); ${created} listings created`,
          `${comparison.published} published listings in PostgreSQL, ${comparison.indexed} in search; ${tracked.size} edited titles checked`,
          clean(comparison)
            ? `converged ${ms} ms after the changes stopped (${polls} polls)`
            : `NOT converged ${ms} ms after the changes stopped (${polls} polls)`,
        ].join('\n'),
      );
      expect(comparison).toEqual(expect.objectContaining({ missing: [], extra: [], duplicates: [], stale: [] }));
      expect(comparison.indexed).toBe(comparison.published);
      expect(searchPids().length).toBeGreaterThanOrEqual(3);
      expect(byState.down).toBeGreaterThan(0);
      expect(byState.up).toBeGreaterThan(10);
    } finally {
      stream.stopped = true;
      await running.catch(() => undefined);
    }
  }, 300_000);
});
