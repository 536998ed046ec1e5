import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role } from '@ttm/auth';
import { parseConfig } from '@ttm/config';
import type { ListingDocument, MatchOutcome } from '@ttm/events';
import { bootstrapSubgraph } from '@ttm/graphql';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listingKnowledge } from '../concepts/listing-concepts';
import { toIndexedListing } from '../index/indexed-listing';
import { demoListingDocuments } from '../matching/demo-listings';
import { searchServiceModule } from '../search-app.module';
import { InternalRoutesServer, startInternalRoutes } from '../testing/internal-routes-server';
import { LinkLearningService } from './link-learning.service';
import { linkId, linksBehindMatch, LinkRef } from './link-weights';
import { MatchOutcomeFollower } from './match-outcome-follower.service';

jest.setTimeout(120_000);

const JWT_SECRET = 'link-learning-test-secret-long-enough-0123456789';

const LINKS = `query ($first: Int, $after: String) { learnedLinkWeights(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id problemId problemLabel targetId targetLabel weight accepts declines lastChangeKind updatedAt } } } }`;
const ADJUSTMENTS = `query ($linkId: ID, $matchId: ID) { linkWeightAdjustments(linkId: $linkId, matchId: $matchId) {
  id linkId kind matchId outcome declineCode delta weightBefore weightAfter actorId revertedAt revertable } }`;
const REVERT = `mutation ($id: ID!) { revertLinkWeightAdjustment(id: $id) { id weight accepts declines lastChangeKind } }`;
const REVERT_MATCH = `mutation ($matchId: ID!) { revertMatchLinkWeights(matchId: $matchId) { id weight accepts } }`;
const RESET = `mutation ($linkId: ID!) { resetLinkWeight(linkId: $linkId) { id weight accepts declines lastChangeKind } }`;
const SEARCH = `query { search(input: { query: "横条" }) { totalHits } }`;

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface LinkView {
  id: string;
  problemLabel: string;
  targetLabel: string;
  weight: number;
  accepts: number;
  declines: number;
  lastChangeKind: string;
}

interface AdjustmentView {
  id: string;
  kind: string;
  matchId: string | null;
  delta: number;
  weightBefore: number;
  weightAfter: number;
  revertable: boolean;
}

/** The feed of match outcomes → link weights, on the real search service and PostgreSQL (the brokerage's route served by a test server). */
describe('learning concept link weights from match outcomes', () => {
  const documents = demoListingDocuments();
  const need: ListingDocument = {
    ...documents.find((document) => document.kind === 'NEED'),
    id: '00000000-0000-4000-8000-2000000009c1',
    title: '布面老是有横条，客户退货',
    description: '我们经编车间的坯布老是出横条，靠人一匹一匹看，看漏了就被客户退货。想找能在机台上自动发现的办法。',
    keywords: ['横条', '退货'],
  } as ListingDocument;
  const result: ListingDocument = {
    ...(documents.find((document) => document.kind === 'RESULT') as ListingDocument),
    id: '00000000-0000-4000-8000-3000000009e1',
    title: '织物疵点视觉检测系统',
    description: '相机装在卷取处，在织造过程中逐幅检查坯布，发现破洞、漏针等疵点即停机报警。',
    keywords: ['织物疵点视觉检测', '在线检测'],
  };
  let links: LinkRef[];
  let database: TestDatabase;
  let dataDir: string;
  let routes: InternalRoutesServer;
  let app: INestApplication;
  let baseUrl: string;
  let admin: { id: string; token: string };
  let broker: { id: string; token: string };
  let position = 0;

  beforeAll(async () => {
    links = linksBehindMatch(listingKnowledge().graph, toIndexedListing(need).concepts, toIndexedListing(result).concepts);
    database = await createTestDatabase('link_learning');
    dataDir = await mkdtemp(join(tmpdir(), 'ttm-link-learning-'));
    routes = await startInternalRoutes({ snapshot: [need, result], historyHead: 0, jwtSecret: JWT_SECRET });
    const url = routes.serviceUrl;
    const config = parseConfig({ DATABASE_URL: database.url, JWT_SECRET, NODE_ENV: 'test', DATA_DIR: dataDir, MARKETPLACE_URL: url, IDENTITY_URL: url, BROKERAGE_URL: url });
    app = await bootstrapSubgraph(searchServiceModule(config), 'search', 0);
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const token = async (roles: Role[]) => {
      const id = randomUUID();
      const claims: AccessTokenClaims = { sub: id, roles, typ: 'access', sid: randomUUID(), ver: 1 };
      return { id, token: await app.get(JwtService).signAsync(claims) };
    };
    admin = await token([Role.ADMIN]);
    broker = await token([Role.BROKER]);
  });

  afterAll(async () => {
    await app?.close();
    await routes?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function request<T>(query: string, variables: Record<string, unknown> = {}, user = admin): Promise<GraphQLResult<T>> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await request<T>(query, variables);
    expect(errors).toBeUndefined();
    return data as T;
  }

  /** The brokerage decides a match between the need and the result; the search service reads the feed. */
  async function decide(outcome: 'ACCEPTED' | 'DECLINED', declineCode: MatchOutcome['declineCode'] = null): Promise<string> {
    const matchId = randomUUID();
    position += 1;
    routes.outcomes.push({
      matchId,
      needId: need.id,
      counterpartKind: 'RESULT',
      counterpartId: result.id,
      outcome,
      declineCode,
      answeredAt: new Date().toISOString(),
      cursor: String(position),
    });
    await app.get(MatchOutcomeFollower).catchUp();
    return matchId;
  }

  const weights = async () =>
    new Map(
      (await database.query<{ link: string; weight: number }>(`SELECT problem_id || '→' || target_id AS link, weight FROM search.link_weights`)).map((row) => [row.link, row.weight]),
    );
  const weightInUse = (link: LinkRef) => listingKnowledge().graph.addressedBy(link.problemId).find((bridge) => bridge.target === link.targetId)?.weight;
  const everyLinkAt = async (weight: number) => {
    const stored = await weights();
    for (const link of links) {
      expect(stored.get(linkId(link))).toBeCloseTo(weight);
      expect(weightInUse(link)).toBeCloseTo(weight);
    }
  };

  it('finds links between the two listings (the test’s premise)', () => {
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((link) => link.problemId)).toContain('textile-barre');
  });

  it('raises the links behind an accepted match by δ, logs it, and applies it to the graph in use without a new annotation version', async () => {
    const version = listingKnowledge().version;
    const matchId = await decide('ACCEPTED');
    await everyLinkAt(1.05);
    expect(listingKnowledge().version).toBe(version);
    const rows = await database.query<{ match_id: string; links: number }>(`SELECT match_id, links FROM search.learned_matches`);
    expect(rows).toEqual([{ match_id: matchId, links: links.length }]);
    const adjustments = await ok<{ linkWeightAdjustments: AdjustmentView[] }>(ADJUSTMENTS, { matchId });
    expect(adjustments.linkWeightAdjustments).toHaveLength(links.length);
    expect(adjustments.linkWeightAdjustments[0]).toMatchObject({ kind: 'OUTCOME', matchId, delta: 0.05, weightBefore: 1, weightAfter: 1.05, revertable: true });
  });

  it('counts a match once, even when the feed is read again from the start (a restart, a replay)', async () => {
    expect(await app.get(MatchOutcomeFollower).catchUp()).toBe(0);
    const learning = app.get(LinkLearningService);
    expect(await learning.learn(routes.outcomes[0])).toBeNull();
    await everyLinkAt(1.05);
  });

  it('lowers them for 技术不对口 and leaves them for other decline reasons', async () => {
    await decide('DECLINED', 'NOT_TECHNICAL_FIT');
    await everyLinkAt(1);
    const price = await decide('DECLINED', 'PRICE');
    await decide('DECLINED', 'TOO_EARLY_STAGE');
    await everyLinkAt(1);
    expect(await database.query(`SELECT links FROM search.learned_matches WHERE match_id = $1`, [price])).toEqual([{ links: 0 }]);
  });

  it('shows learned links to administrators with Chinese labels, counts and the last change', async () => {
    const { learnedLinkWeights } = await ok<{ learnedLinkWeights: { totalCount: number; edges: { node: LinkView }[] } }>(LINKS, { first: 10 });
    expect(learnedLinkWeights.totalCount).toBe(links.length);
    const barre = learnedLinkWeights.edges.find((edge) => edge.node.id === linkId(links[0]))?.node;
    expect(barre).toMatchObject({ problemLabel: listingKnowledge().graph.label(links[0].problemId), weight: 1, accepts: 1, declines: 1, lastChangeKind: 'OUTCOME' });
    expect(barre?.problemLabel).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reverts one adjustment, then every change of a match, each audited; a second revert is refused', async () => {
    const link = linkId(links[0]);
    const history = (await ok<{ linkWeightAdjustments: AdjustmentView[] }>(ADJUSTMENTS, { linkId: link })).linkWeightAdjustments;
    const decline = history.find((adjustment) => adjustment.delta < 0) as AdjustmentView;
    const reverted = await ok<{ revertLinkWeightAdjustment: LinkView }>(REVERT, { id: decline.id });
    expect(reverted.revertLinkWeightAdjustment).toMatchObject({ id: link, weight: 1.05, accepts: 1, declines: 0, lastChangeKind: 'REVERT' });
    expect(weightInUse(links[0])).toBeCloseTo(1.05);
    const again = await request(REVERT, { id: decline.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const accepted = history.find((adjustment) => adjustment.delta > 0) as AdjustmentView;
    const undone = await ok<{ revertMatchLinkWeights: LinkView[] }>(REVERT_MATCH, { matchId: accepted.matchId });
    expect(undone.revertMatchLinkWeights).toHaveLength(links.length);
    expect(undone.revertMatchLinkWeights.find((view) => view.id === link)).toMatchObject({ weight: 1, accepts: 0 });
    const audit = await database.query<{ action: string; target_type: string; target_id: string; before: unknown; after: unknown; actor_id: string }>(
      `SELECT action, target_type, target_id, before, after, actor_id FROM search.audit_log WHERE target_id = $1 ORDER BY at, id`,
      [link],
    );
    expect(audit).toEqual([
      { action: 'LINK_WEIGHT_REVERTED', target_type: 'CONCEPT_LINK', target_id: link, before: { weight: 1 }, after: { weight: 1.05 }, actor_id: admin.id },
      { action: 'LINK_WEIGHT_REVERTED', target_type: 'CONCEPT_LINK', target_id: link, before: { weight: 1.05 }, after: { weight: 1 }, actor_id: admin.id },
    ]);
    expect((await request(REVERT_MATCH, { matchId: accepted.matchId })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await request(REVERT_MATCH, { matchId: randomUUID() })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps every weight within [0.5, 1.5]: accepts beyond the bound change nothing', async () => {
    for (let step = 0; step < 12; step++) await decide('ACCEPTED');
    await everyLinkAt(1.5);
    const history = (await ok<{ linkWeightAdjustments: AdjustmentView[] }>(ADJUSTMENTS, { linkId: linkId(links[0]) })).linkWeightAdjustments;
    expect(history[0]).toMatchObject({ kind: 'OUTCOME', delta: 0, weightBefore: 1.5, weightAfter: 1.5 });
  });

  it('resets a link to 1 (its outcomes no longer count), audited', async () => {
    const link = linkId(links[0]);
    const { resetLinkWeight } = await ok<{ resetLinkWeight: LinkView }>(RESET, { linkId: link });
    expect(resetLinkWeight).toMatchObject({ id: link, weight: 1, accepts: 0, declines: 0, lastChangeKind: 'RESET' });
    expect(weightInUse(links[0])).toBe(1);
    const [entry] = await database.query(`SELECT action, before, after FROM search.audit_log WHERE target_id = $1 ORDER BY at DESC, id DESC LIMIT 1`, [link]);
    expect(entry).toEqual({ action: 'LINK_WEIGHT_RESET', before: { weight: 1.5 }, after: { weight: 1 } });
    expect((await request(RESET, { linkId: 'no-such→link' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await request(RESET, { linkId: 'not-a-link' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses everyone but administrators, changing nothing', async () => {
    const before = await weights();
    const [adjustment] = await database.query<{ id: string }>(`SELECT id::text FROM search.link_weight_adjustments ORDER BY id LIMIT 1`);
    const codes = [
      await request(LINKS, {}, broker),
      await request(ADJUSTMENTS, { linkId: linkId(links[0]) }, broker),
      await request(REVERT, { id: adjustment.id }, broker),
      await request(RESET, { linkId: linkId(links[0]) }, broker),
    ].map((response) => response.errors?.[0]?.extensions?.code);
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const anonymous = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LINKS }) });
    expect(((await anonymous.json()) as GraphQLResult<unknown>).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await weights()).toEqual(before);
  });

  it('keeps searching while the brokerage fails, and learns once it answers again', async () => {
    routes.outcomesStatus = 503;
    position += 1;
    routes.outcomes.push({ ...routes.outcomes[0], matchId: randomUUID(), cursor: String(position) });
    await expect(app.get(MatchOutcomeFollower).catchUp()).rejects.toThrow(/503/);
    const { search } = await ok<{ search: { totalHits: number } }>(SEARCH);
    expect(search.totalHits).toBeGreaterThan(0);
    routes.outcomesStatus = 200;
    expect(await app.get(MatchOutcomeFollower).catchUp()).toBe(1);
    expect((await weights()).get(linkId(links[0]))).toBeCloseTo(1.05);
    expect(weightInUse(links[0])).toBeCloseTo(1.05);
  });
});
