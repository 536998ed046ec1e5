import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, Role } from '@ttm/auth';
import { parseConfig } from '@ttm/config';
import type { ListingDocument } from '@ttm/events';
import { bootstrapSubgraph } from '@ttm/graphql';
import { readSeed } from '@ttm/knowledge';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listingKnowledge } from '../concepts/listing-concepts';
import { ListingIndex } from '../index/listing-index.provider';
import { demoListingDocuments } from '../matching/demo-listings';
import { SEARCH_JSON_BODY_LIMIT, searchServiceModule } from '../search-app.module';
import { InternalRoutesServer, startInternalRoutes } from '../testing/internal-routes-server';
import { KnowledgeGraphService } from './knowledge-graph.service';

jest.setTimeout(120_000);

const JWT_SECRET = 'knowledge-graph-test-secret-long-enough-0123456789';

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const CONCEPT_FIELDS = `id kind prefLabel englishLabel curated updatedBy updatedAt labels { type language value } broader { id } addressedBy { concept { id } weight }`;
const CREATE = `mutation ($input: CreateConceptInput!) { createConcept(input: $input) { ${CONCEPT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateConceptInput!) { updateConcept(id: $id, input: $input) { ${CONCEPT_FIELDS} } }`;
const LINK = `mutation ($input: ConceptLinkInput!) { linkConcepts(input: $input) { ${CONCEPT_FIELDS} } }`;
const ADD_LABEL = `mutation ($id: ID!, $label: ConceptLabelInput!) { addConceptLabel(id: $id, label: $label) { ${CONCEPT_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteConcept(id: $id) }`;
const CONCEPT = `query ($id: ID!) { concept(id: $id) { ${CONCEPT_FIELDS} narrower { id } } }`;
const CONCEPTS = `query ($query: String, $kind: ConceptKind, $first: Int, $after: String) { concepts(query: $query, kind: $kind, first: $first, after: $after) { totalCount edges { cursor node { id prefLabel } } pageInfo { hasNextPage endCursor } } }`;
const SCHEME = `{ conceptScheme { version seedVersion revision concepts labels bridges synonymGroups curatedConcepts byKind { kind count } } }`;
const EXPORT = `{ exportKnowledgeGraph }`;
const IMPORT = `mutation ($turtle: String!, $mode: KnowledgeImportMode!, $dryRun: Boolean!) { importKnowledgeGraph(turtle: $turtle, mode: $mode, dryRun: $dryRun) { applied concepts created updated unchanged deleted errors { concept message } } }`;

/** A listing naming a term no concept has yet: an edit that adds the concept must reach it through re-annotation. */
const ZORBIUM_LISTING: ListingDocument = {
  ...(demoListingDocuments().find((document) => document.kind === 'RESULT') as ListingDocument),
  id: '00000000-0000-4000-8000-30000000ab01',
  title: 'Zorbium coating for warp knitting needles',
  description: 'A zorbium coating keeps the needles of tricot machines from wearing out.',
  keywords: ['zorbium coating'],
};

/** The knowledge graph in the real search service on PostgreSQL: seed import, curation, Turtle, re-annotation. */
describe('the knowledge graph of the search service', () => {
  let database: TestDatabase;
  let dataDir: string;
  let marketplace: InternalRoutesServer;
  let app: INestApplication;
  let baseUrl: string;
  const tokens: Record<'admin' | 'broker' | 'enterprise', { id: string; token: string }> = {} as never;
  const seed = readSeed();

  async function start(): Promise<void> {
    const config = parseConfig({ DATABASE_URL: database.url, JWT_SECRET, NODE_ENV: 'test', DATA_DIR: dataDir, MARKETPLACE_URL: marketplace.serviceUrl, IDENTITY_URL: marketplace.serviceUrl });
    app = await bootstrapSubgraph(searchServiceModule(config), 'search', 0, { jsonBodyLimit: SEARCH_JSON_BODY_LIMIT });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    for (const [name, role] of [['admin', Role.ADMIN], ['broker', Role.BROKER], ['enterprise', Role.ENTERPRISE]] as const) {
      const id = randomUUID();
      const claims: AccessTokenClaims = { sub: id, roles: [role], typ: 'access', sid: randomUUID(), ver: 1 };
      tokens[name] = { id, token: await app.get(JwtService).signAsync(claims) };
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('knowledge_graph');
    dataDir = await mkdtemp(join(tmpdir(), 'ttm-knowledge-graph-'));
    marketplace = await startInternalRoutes({ snapshot: [ZORBIUM_LISTING], historyHead: 0, jwtSecret: JWT_SECRET });
    await start();
  });

  afterAll(async () => {
    await app?.close();
    await marketplace?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function request<T>(query: string, variables: Record<string, unknown> = {}, as: keyof typeof tokens | null = 'admin'): Promise<GraphQLResult<T>> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${tokens[as].token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, as: keyof typeof tokens | null = 'admin'): Promise<T> {
    const result = await request<T>(query, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  const count = async (sql: string) => Number((await database.query<{ n: string }>(sql))[0]?.n);
  const snapshotOfTables = () =>
    Promise.all(['concepts', 'labels', 'broader', 'related', 'bridges'].map((table) => count(`SELECT count(*) AS n FROM knowledge.${table}`)));
  const auditEntries = () => database.query<{ actor_id: string; action: string; target_id: string; after: unknown }>(`SELECT actor_id, action, target_id, after FROM search.audit_log ORDER BY at, id`);
  const conceptsOfListing = async () => (await app.get(ListingIndex).index.get([ZORBIUM_LISTING.id]))[0]?.concepts ?? [];

  const zorbium = {
    id: 'zorbium-coating',
    kind: 'MATERIAL',
    labels: [
      { type: 'PREF', language: 'ZH', value: '佐比涂层' },
      { type: 'PREF', language: 'EN', value: 'zorbium coating' },
    ],
    broader: ['machine-vision'],
  };

  it('imports the seed files into the knowledge schema at start, and builds the graph in use from it', async () => {
    expect(await count(`SELECT count(*) AS n FROM knowledge.concepts WHERE origin = 'SEED'`)).toBe(seed.concepts.length);
    const { conceptScheme } = await ok<{ conceptScheme: { version: string; seedVersion: string; concepts: number; synonymGroups: number } }>(SCHEME, {}, null);
    expect(conceptScheme.seedVersion).toBe(seed.version);
    expect(conceptScheme.concepts).toBeGreaterThanOrEqual(seed.concepts.length);
    // The synonym list moved into the graph: its groups are flagged concepts.
    expect(conceptScheme.synonymGroups).toBeGreaterThan(80);
    expect(listingKnowledge().version).toBe(conceptScheme.version);
    expect(listingKnowledge().graph.size).toBe(conceptScheme.concepts);
    const { concepts } = await ok<{ concepts: { totalCount: number; edges: { node: { id: string } }[] } }>(CONCEPTS, { query: '机器视觉' }, null);
    expect(concepts.edges[0]?.node.id).toBe('machine-vision');
  });

  it('pages through concepts found by label', async () => {
    const first = await ok<{ concepts: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(CONCEPTS, { query: '检测', first: 5 }, null);
    expect(first.concepts.totalCount).toBeGreaterThan(5);
    const second = await ok<typeof first>(CONCEPTS, { query: '检测', first: 5, after: first.concepts.pageInfo.endCursor }, null);
    const ids = [...first.concepts.edges, ...second.concepts.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(10);
  });

  it('refuses curation to an enterprise member and to anonymous callers', async () => {
    const before = await snapshotOfTables();
    expect((await request(CREATE, { input: zorbium }, 'enterprise')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await request(CREATE, { input: zorbium }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await request(EXPORT, {}, 'broker')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshotOfTables()).toEqual(before);
  });

  it('refuses an edit the graph rules forbid and changes nothing', async () => {
    const before = await snapshotOfTables();
    const audit = (await auditEntries()).length;
    const version = listingKnowledge().version;
    // A broader cycle: machine-vision-inspection is narrower than machine-vision.
    const cycle = await request(LINK, { input: { from: 'machine-vision', to: 'machine-vision-inspection', type: 'BROADER' } });
    expect(cycle.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('broader cycle') });
    expect(cycle.errors?.[0]?.message).toContain('知识图谱校验未通过');
    // A label another concept has, without an editorial note.
    const shared = await request(ADD_LABEL, { id: 'deep-learning', label: { type: 'ALT', language: 'ZH', value: '机器视觉' } });
    expect(shared.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('机器视觉') });
    // A link to a concept that does not exist.
    const unknown = await request(CREATE, { input: { ...zorbium, broader: ['no-such-concept'] } });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('no-such-concept') });
    // No Chinese name.
    const unnamed = await request(CREATE, { input: { ...zorbium, labels: [{ type: 'PREF', language: 'EN', value: 'zorbium coating' }] } });
    expect(unnamed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshotOfTables()).toEqual(before);
    expect(await auditEntries()).toHaveLength(audit);
    expect(listingKnowledge().version).toBe(version);
  });

  it('records who and when on the concept and in the audit log, and re-annotates the index after an edit', async () => {
    expect(await conceptsOfListing()).not.toContain('zorbium-coating');
    const startedAt = Date.now();
    const { createConcept } = await ok<{ createConcept: { id: string; curated: boolean; updatedBy: string; updatedAt: string; broader: { id: string }[] } }>(CREATE, { input: zorbium }, 'broker');
    expect(createConcept).toMatchObject({ id: 'zorbium-coating', curated: true, updatedBy: tokens.broker.id, broader: [{ id: 'machine-vision' }] });
    expect(Date.parse(createConcept.updatedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
    const row = (await database.query<{ updated_by: string; origin: string }>(`SELECT updated_by, origin FROM knowledge.concepts WHERE id = 'zorbium-coating'`))[0];
    expect(row).toEqual({ updated_by: tokens.broker.id, origin: 'CURATOR' });
    expect((await auditEntries()).at(-1)).toMatchObject({ actor_id: tokens.broker.id, action: 'CONCEPT_CREATED', target_id: 'zorbium-coating' });
    expect(listingKnowledge().graph.has('zorbium-coating')).toBe(true);

    // A second edit right after: one re-annotation for both.
    const { updateConcept } = await ok<{ updateConcept: { labels: { value: string }[] } }>(UPDATE, {
      id: 'zorbium-coating',
      input: { labels: [...zorbium.labels, { type: 'HIDDEN', language: 'ZH', value: '佐比镀层' }] },
    });
    expect(updateConcept.labels.map((label) => label.value)).toContain('佐比镀层');
    expect((await auditEntries()).at(-1)).toMatchObject({ actor_id: tokens.admin.id, action: 'CONCEPT_UPDATED' });
    const { concept } = await ok<{ concept: { narrower: { id: string }[] } }>(CONCEPT, { id: 'machine-vision' }, null);
    expect(concept.narrower.map((narrower) => narrower.id)).toContain('zorbium-coating');

    await app.get(KnowledgeGraphService).reannotated();
    expect(await conceptsOfListing()).toContain('zorbium-coating');
    const indexed = (await app.get(ListingIndex).index.get([ZORBIUM_LISTING.id]))[0];
    expect(indexed?.conceptsVersion).toBe(listingKnowledge().version);
  });

  it('links a problem to a method with a weight, and refuses deleting a concept others link to', async () => {
    const problem = seed.concepts.find((concept) => concept.kind === 'PROBLEM') as { id: string };
    const { linkConcepts } = await ok<{ linkConcepts: { addressedBy: { concept: { id: string }; weight: number }[] } }>(LINK, {
      input: { from: problem.id, to: 'zorbium-coating', type: 'ADDRESSED_BY', weight: 1.5 },
    });
    expect(linkConcepts.addressedBy).toContainEqual({ concept: { id: 'zorbium-coating' }, weight: 1.5 });
    expect((await request(DELETE, { id: 'zorbium-coating' })).errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining(problem.id) });
  });

  it('exports Turtle and imports it back unchanged; refuses an invalid import with a report and no change', async () => {
    const { exportKnowledgeGraph } = await ok<{ exportKnowledgeGraph: string }>(EXPORT);
    expect(exportKnowledgeGraph).toContain('kg:zorbium-coating');
    expect(exportKnowledgeGraph).toContain('kgo:weight 1.5');
    const { conceptScheme } = await ok<{ conceptScheme: { concepts: number; revision: number } }>(SCHEME);
    const same = await ok<{ importKnowledgeGraph: { applied: boolean; concepts: number; unchanged: number; created: number; updated: number; deleted: number } }>(IMPORT, {
      turtle: exportKnowledgeGraph,
      mode: 'REPLACE',
      dryRun: false,
    });
    expect(same.importKnowledgeGraph).toMatchObject({ applied: true, concepts: conceptScheme.concepts, unchanged: conceptScheme.concepts, created: 0, updated: 0, deleted: 0 });

    const before = await snapshotOfTables();
    const broken = exportKnowledgeGraph.replace('kg:zorbium-coating a skos:Concept', 'kg:zorbium-coating skos:broader kg:nowhere-to-be-found.\nkg:zorbium-coating a skos:Concept');
    const refused = await ok<{ importKnowledgeGraph: { applied: boolean; errors: { concept: string; message: string }[] } }>(IMPORT, { turtle: broken, mode: 'MERGE', dryRun: false });
    expect(refused.importKnowledgeGraph.applied).toBe(false);
    expect(refused.importKnowledgeGraph.errors).toContainEqual({ concept: 'zorbium-coating', message: 'links to nowhere-to-be-found, which does not exist' });
    const garbage = await ok<{ importKnowledgeGraph: { applied: boolean; errors: { message: string }[] } }>(IMPORT, { turtle: 'kg:x a <', mode: 'MERGE', dryRun: false });
    expect(garbage.importKnowledgeGraph.applied).toBe(false);
    expect(garbage.importKnowledgeGraph.errors[0]?.message).toContain('not valid Turtle');
    expect(await snapshotOfTables()).toEqual(before);

    // A merge that renames a concept: applied, audited once.
    const renamed = exportKnowledgeGraph.replace('"佐比涂层"@zh', '"佐比防磨涂层"@zh');
    const merged = await ok<{ importKnowledgeGraph: { applied: boolean; updated: number } }>(IMPORT, { turtle: renamed, mode: 'MERGE', dryRun: false });
    expect(merged.importKnowledgeGraph).toMatchObject({ applied: true, updated: 1 });
    expect(listingKnowledge().graph.label('zorbium-coating')).toBe('佐比防磨涂层');
    expect((await auditEntries()).at(-1)).toMatchObject({ actor_id: tokens.admin.id, action: 'KNOWLEDGE_GRAPH_IMPORTED', after: expect.objectContaining({ updated: 1 }) });
  });

  it('keeps curated concepts and tombstones through a seed re-import at the next start', async () => {
    const seeded = seed.concepts.find((concept) => concept.kind === 'METHOD' && concept.id !== 'machine-vision') as { id: string };
    await ok(UPDATE, { id: seeded.id, input: { notes: ['curated in a test'] } });
    // Pretend the seed files changed since the import, and a seed concept drifted from them.
    await database.query(`UPDATE knowledge.graph_version SET seed_version = 'older'`);
    await database.query(`UPDATE knowledge.labels SET value = value || '（旧）' WHERE concept_id = 'deep-learning' AND position = 0`);
    await app.close();
    await start();
    expect(listingKnowledge().graph.label('zorbium-coating')).toBe('佐比防磨涂层');
    expect(listingKnowledge().graph.concept(seeded.id)?.notes).toEqual(['curated in a test']);
    expect(listingKnowledge().graph.label('deep-learning')).toBe('深度学习');
    expect((await database.query<{ seed_version: string }>(`SELECT seed_version FROM knowledge.graph_version`))[0]?.seed_version).toBe(seed.version);
  });
});
