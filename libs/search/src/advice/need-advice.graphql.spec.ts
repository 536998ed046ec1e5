import { INestApplication } from '@nestjs/common';
import { parseConfig } from '@ttm/config';
import { DEMO_NEEDS } from '@ttm/demo';
import { bootstrapSubgraph } from '@ttm/graphql';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoListingDocuments } from '../matching/demo-listings';
import { searchServiceModule } from '../search-app.module';
import { InternalRoutesServer, startInternalRoutes } from '../testing/internal-routes-server';
import { DRAFT_LIMITS } from './need-advice.inputs';

jest.setTimeout(120_000);

const JWT_SECRET = 'need-advice-test-secret-that-is-long-enough-0123456789';

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface Advice {
  score: number;
  maxScore: number;
  criteria: { key: string; label: string; score: number; fixes: string[] }[];
  suggestedTerms: { concept: string; label: string; why: string }[];
  textKeywords: string[];
  industries: { code: string; name: string }[];
  possibleDuplicates: { id: string; title: string; score: number }[];
  matchingResults: number;
  matchingExperts: number;
  leakWarnings: { kind: string; field: string; found: string; message: string }[];
}

const ADVICE = `query ($input: NeedDraftInput!) {
  needAdvice(input: $input) {
    score maxScore
    criteria { key label score fixes }
    suggestedTerms { concept label why }
    textKeywords
    industries { code name }
    possibleDuplicates { id title score }
    matchingResults matchingExperts
    leakWarnings { kind field found message }
  }
}`;

/**
 * The real search service (PostgreSQL, embedded engine, GraphQL over HTTP) with the demo listings
 * published through its indexer, as in matching.graphql.spec.ts: needAdvice without signing in.
 */
describe('needAdvice over GraphQL', () => {
  let database: TestDatabase;
  let dataDir: string;
  let routes: InternalRoutesServer;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase('need_advice');
    dataDir = await mkdtemp(join(tmpdir(), 'ttm-need-advice-'));
    routes = await startInternalRoutes({ snapshot: demoListingDocuments(), historyHead: 0, jwtSecret: JWT_SECRET });
    const config = parseConfig({
      DATABASE_URL: database.url,
      JWT_SECRET,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      MARKETPLACE_URL: routes.serviceUrl,
      IDENTITY_URL: routes.serviceUrl,
    });
    app = await bootstrapSubgraph(searchServiceModule(config), 'search', 0);
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
  });

  afterAll(async () => {
    await app?.close();
    await routes?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function advise(input: Record<string, unknown>): Promise<GraphQLResult<{ needAdvice: Advice }>> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ADVICE, variables: { input } }) });
    return (await response.json()) as GraphQLResult<{ needAdvice: Advice }>;
  }

  const demoNeed = DEMO_NEEDS[0]; // 经编机断纱在线检测与自动停机改造

  it('advises a draft without signing in: score, criteria, terms, industry, duplicates, counts, leaks', async () => {
    const { data, errors } = await advise({
      title: '经编机断纱自动检测和停机',
      description: '我们有几十台高速经编机，断纱靠挡车工巡回发现，发现慢，造成漏针、破洞等疵点。想做一套断纱在线检测系统，检测到断纱自动停机。请联系 0573-87654321。',
      keywords: ['断纱检测'],
      anonymous: true,
      organizationName: '海宁恒锦经编有限公司',
      cooperationModes: ['JOINT_DEVELOPMENT'],
      budgetMax: 800000,
    });
    expect(errors).toBeUndefined();
    const advice = data?.needAdvice as Advice;
    expect(advice.maxScore).toBe(20);
    expect(advice.criteria.map((item) => item.key)).toEqual(['PROBLEM_CLARITY', 'MEASURABLE_TARGETS', 'CONTEXT', 'COOPERATION']);
    expect(advice.score).toBe(advice.criteria.reduce((sum, item) => sum + item.score, 0));
    // No target value written: the fix-it line asks for one.
    expect(advice.criteria[1].fixes).toEqual(expect.arrayContaining([expect.stringContaining('写明目标值')]));
    expect(advice.suggestedTerms.length).toBeGreaterThan(0);
    expect(advice.suggestedTerms.length).toBeLessThanOrEqual(8);
    for (const term of advice.suggestedTerms) expect(term.why).toMatch(/[\u4e00-\u9fa5]/);
    expect(advice.industries[0].code).toMatch(/^TEXTILE/);
    expect(advice.possibleDuplicates[0]).toEqual({ id: demoNeed.id, title: demoNeed.title, score: expect.any(Number) });
    expect(advice.matchingResults).toBeGreaterThan(0);
    expect(advice.matchingExperts).toBeGreaterThan(0);
    expect(advice.leakWarnings).toEqual([expect.objectContaining({ kind: 'PHONE', field: 'DESCRIPTION', found: '0573-87654321' })]);
  });

  it('refuses oversized text with BAD_USER_INPUT, naming the limit', async () => {
    const long = await advise({ title: '断纱检测', description: '断'.repeat(DRAFT_LIMITS.description + 1) });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(/description must be at most 10000 characters/);
    const keywords = await advise({ title: '断纱检测', description: '', keywords: Array.from({ length: 21 }, (_, i) => `词${i}`) });
    expect(keywords.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const title = await advise({ title: '题'.repeat(DRAFT_LIMITS.title + 1), description: '' });
    expect(title.errors?.[0]?.message).toMatch(/title must be at most 200 characters/);
  });
});
