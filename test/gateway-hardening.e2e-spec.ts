import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { auditServer } from 'graphql-http';
import { client, failure } from './support/graphql-client';
import { freePort, RunningMarketplace, startMarketplace } from './support/marketplace-process';

const QUERY_LIMITS = { maxDepth: 10, maxAliases: 15, maxDirectives: 20 };

async function postJson(url: string, body: unknown): Promise<{ status: number; json: { errors?: { message: string; extensions?: { code?: string } }[] } }> {
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
    const { json } = await postJson(marketplace.url, { query: `{ me { ${nested} } }` });
    expect(json.errors?.map((error) => error.message).join('\n')).toMatch(/depth limit of 10/i);
  });

  it('refuses alias overloading', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 5 }, (_, i) => `a${i}: me { id }`).join(' ');
    const { json } = await postJson(marketplace.url, { query: `{ ${aliases} }` });
    expect(json.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses directive overloading', async () => {
    const directives = Array.from({ length: QUERY_LIMITS.maxDirectives + 5 }, () => '@include(if: true)').join(' ');
    const { json } = await postJson(marketplace.url, { query: `{ __typename ${directives} }` });
    expect(json.errors?.[0]?.message).toMatch(/directive/i);
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

describe('gateway in production mode', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;

  beforeAll(async () => {
    database = await createTestDatabase('gateway_prod');
    marketplace = await startMarketplace({
      databaseUrl: database.url,
      env: {
        NODE_ENV: 'production',
        SEED_DEMO: 'false',
        JWT_SECRET: 'production-mode-e2e-secret-0123456789abcdef',
        // Production needs a mail server (registration e-mails a code); nothing listens there, mail failures are only logged.
        SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      },
    });
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  it('switches introspection off', async () => {
    const error = await failure(client(marketplace.url), '{ __schema { queryType { name } } }');
    expect(error.message).toMatch(/introspection/i);
  });

  it('gives no field suggestions', async () => {
    const { json } = await postJson(marketplace.url, { query: '{ mee { id } }' });
    expect(json.errors?.[0]?.message).toBeDefined();
    expect(json.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });

  it('serves no explorer page', async () => {
    const response = await fetch(marketplace.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/sandbox|explorer/i);
  });
});
