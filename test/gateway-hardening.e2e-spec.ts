import { QUERY_LIMITS } from '@ttm/graphql';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { auditServer } from 'graphql-http';
import { client } from './support/graphql-client';
import { RunningMarketplace, startMarketplace } from './support/marketplace-process';

async function postJson(url: string, body: unknown): Promise<{ status: number; json: { errors?: { message: string; extensions?: { code?: string; limit?: string } }[] } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as never };
}

describe('gateway in development mode', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;

  beforeAll(async () => {
    database = await createTestDatabase('gateway');
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'false' } });
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  it('passes the graphql-http server audit with no errors', async () => {
    const results = await auditServer({ url: marketplace.url, fetchFn: fetch });
    const errors = results.filter((result) => result.status === 'error');
    const warnings = results.filter((result) => result.status === 'warn');
    console.log(`graphql-http audit: ${results.length} audits, ${errors.length} errors, ${warnings.length} warnings`);
    expect(errors.map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
  });

  it('refuses queries deeper than the depth limit', async () => {
    // User ↔ Organization is a cycle a hostile client could nest without end.
    const levels = QUERY_LIMITS.maxDepth / 2 + 1;
    const nested = 'organization { members { '.repeat(levels) + 'id' + ' } }'.repeat(levels);
    const { status, json } = await postJson(marketplace.url, { query: `{ me { ${nested} } }` });
    expect(status).toBe(400);
    expect(json.errors?.map((error) => error.message).join('\n')).toMatch(/depth limit of 10/i);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxDepth' });
  });

  it('refuses alias overloading', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 5 }, (_, i) => `a${i}: me { id }`).join(' ');
    const { status, json } = await postJson(marketplace.url, { query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toMatch(/alias/i);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxAliases' });
  });

  it('counts aliases of __typename (600 of them passed before)', async () => {
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ');
    const { status, json } = await postJson(marketplace.url, { query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxAliases' });
  });

  it('refuses directive overloading', async () => {
    const directives = Array.from({ length: QUERY_LIMITS.maxDirectives + 5 }, () => '@include(if: true)').join(' ');
    const { status, json } = await postJson(marketplace.url, { query: `{ __typename ${directives} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toMatch(/directive/i);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxDirectives' });
  });

  it('refuses a document over the token limit with HTTP 400, not 500', async () => {
    const { status, json } = await postJson(marketplace.url, { query: `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens + 1)}}` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens' });
  });

  it('answers a plain syntax error with HTTP 400 GRAPHQL_PARSE_FAILED', async () => {
    const { status, json } = await postJson(marketplace.url, { query: '{ me { id }' });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('applies the same limits on a subgraph port, which outside production still answers directly', async () => {
    const search = `http://127.0.0.1:${marketplace.env['SEARCH_PORT']}/graphql`;
    await expect(client(search).request('{ __typename }')).resolves.toEqual({ __typename: 'Query' });
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ');
    const { status, json } = await postJson(search, { query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxAliases' });
  });

  it('serves the development landing page at /graphql under its own relaxed policy, and the web app under the strict one', async () => {
    const base = marketplace.url.replace(/\/graphql$/, '');
    const landing = await fetch(marketplace.url, { headers: { accept: 'text/html' } });
    expect(await landing.text()).toMatch(/sandbox/i);
    expect(landing.headers.get('content-security-policy')).toContain('https://embeddable-sandbox.cdn.apollographql.com');
    const web = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(web.headers.get('content-security-policy')).not.toMatch(/apollographql|script-src[^;]*unsafe-inline/);
    expect(web.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses batched operations', async () => {
    const batch = Array.from({ length: 50 }, () => ({ query: '{ __typename }' }));
    const { status } = await postJson(marketplace.url, batch);
    expect(status).toBe(400);
  });

  it('still answers a normal query', async () => {
    await expect(client(marketplace.url).request('{ __typename }')).resolves.toEqual({ __typename: 'Query' });
  });
});

// Production mode (introspection, suggestions, explorer, gateway-only subgraphs, a subgraph down): gateway-production.e2e-spec.ts
