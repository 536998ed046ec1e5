import { signGatewayToken, signServiceToken, standaloneJwtService } from '@ttm/auth';
import { QUERY_LIMITS } from '@ttm/graphql';
import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { client } from './support/graphql-client';
import { freePort, RunningMarketplace, ROOT, startMarketplace } from './support/marketplace-process';
import { APPROVE_LISTING, CREATE_NEED, LOGIN, needInput, SUBMIT_NEED } from './support/operations';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

interface Answer {
  status: number;
  headers: Headers;
  body: GraphQLBody;
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
}

const SERVICES = ['identity', 'marketplace', 'search', 'brokerage'] as const;
const aliasesOfTypename = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;
/** User ↔ Organization is a cycle a hostile client could nest without end. */
const tooDeep = () => {
  const levels = QUERY_LIMITS.maxDepth / 2 + 1;
  return `{ me { ${'organization { members { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
};
const NEEDS_AND_SEARCH = '{ needs { totalCount edges { node { title } } } search(input: { query: "经编机" }) { totalHits } }';

describe('the marketplace in production mode (NODE_ENV=production)', () => {
  let database: TestDatabase;
  let marketplace: RunningMarketplace;
  const jwtSecret = randomBytes(36).toString('base64url'); // 48 characters
  const admin = { email: 'admin@prod-e2e.test', password: `Prod-${randomBytes(12).toString('base64url')}-9a` };
  let needTitle: string;
  const subgraphUrl = (service: (typeof SERVICES)[number], path = '/graphql') =>
    `http://127.0.0.1:${marketplace.env[`${service.toUpperCase()}_PORT`]}${path}`;
  const gatewayBase = () => marketplace.url.replace(/\/graphql$/, '');

  beforeAll(async () => {
    database = await createTestDatabase('gateway_production');
    marketplace = await startMarketplace({
      databaseUrl: database.url,
      env: {
        NODE_ENV: 'production',
        SEED_DEMO: 'false',
        JWT_SECRET: jwtSecret,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        // Registration mails a code in production; nothing listens there, failures are only logged.
        SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      },
    });
    // One published need, so "the listings" below are real rows answered by the marketplace service.
    const { login } = await client(marketplace.url).request<{ login: { accessToken: string } }>(LOGIN, { input: admin });
    const asAdmin = client(marketplace.url, login.accessToken);
    needTitle = `生产模式网关测试需求 ${randomBytes(3).toString('hex')}`;
    const { createNeed } = await asAdmin.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput({ title: needTitle }) });
    await asAdmin.request(SUBMIT_NEED, { id: createNeed.id });
    await asAdmin.request(APPROVE_LISTING, { id: createNeed.id });
  });

  afterAll(async () => {
    await marketplace?.stop();
    await database?.drop();
  });

  describe('subgraph ports answer only the gateway', () => {
    it.each(SERVICES)('%s refuses a direct query, introspection and _service with HTTP 403 FORBIDDEN', async (service) => {
      for (const query of ['{ __typename }', '{ __schema { queryType { name } } }', '{ _service { sdl } }']) {
        const answer = await post(subgraphUrl(service), query);
        expect(answer.status).toBe(403);
        expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
        expect(answer.body.errors?.[0]?.message).toMatch(/only the marketplace's gateway/);
        expect(answer.body.data).toBeUndefined();
      }
    });

    it('refuses a forged or wrong gateway token with HTTP 401 UNAUTHENTICATED', async () => {
      const forged = await signGatewayToken(standaloneJwtService('not-the-secret-but-long-enough-0123456789'));
      const otherService = await signServiceToken(standaloneJwtService(jwtSecret), 'search');
      for (const token of [forged, otherService, 'garbage']) {
        const answer = await post(subgraphUrl('identity'), '{ _service { sdl } }', { 'x-ttm-gateway-token': token });
        expect(answer.status).toBe(401);
        expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    });

    it('answers the gateway (and its _service), under the same query limits', async () => {
      const gatewayToken = { 'x-ttm-gateway-token': await signGatewayToken(standaloneJwtService(jwtSecret)) };
      const sdl = await post(subgraphUrl('search'), '{ _service { sdl } }', gatewayToken);
      expect(sdl.status).toBe(200);
      expect(JSON.stringify(sdl.body.data)).toContain('SearchResponse');
      const aliases = await post(subgraphUrl('search'), aliasesOfTypename(600), gatewayToken);
      expect(aliases.status).toBe(400);
      expect(aliases.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxAliases', max: QUERY_LIMITS.maxAliases });
    });

    it('keeps internal routes behind service tokens', async () => {
      const response = await fetch(subgraphUrl('marketplace', '/internal/feed'));
      expect(response.status).toBe(401);
    });
  });

  describe('the gateway', () => {
    it('answers the listings through the subgraphs it signs its calls to', async () => {
      const answer = await post(marketplace.url, NEEDS_AND_SEARCH);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(JSON.stringify(answer.body.data)).toContain(needTitle);
    });

    it('refuses introspection', async () => {
      const answer = await post(marketplace.url, '{ __schema { queryType { name } } }');
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.message).toMatch(/introspection/i);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('gives no field suggestions and serves no explorer page', async () => {
      const answer = await post(marketplace.url, '{ mee { id } }');
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.message).not.toMatch(/did you mean/i);
      const page = await fetch(marketplace.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/sandbox|explorer/i);
    });

    it.each([
      ['600 aliases of __typename', () => aliasesOfTypename(600), 'maxAliases'],
      ['a document over the token limit', () => `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens + 1)}}`, 'maxTokens'],
      ['a query nested too deep', tooDeep, 'maxDepth'],
      ['directive overloading', () => `{ __typename ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)}}`, 'maxDirectives'],
      ['an over-costly query', () => '{ needs(first: 100) { edges { node { owner { organization { members { id } } } } } } }', 'maxCost'],
    ])('refuses %s with HTTP 400 and QUERY_LIMIT_EXCEEDED', async (_name, query, limit) => {
      const answer = await post(marketplace.url, query());
      expect(answer.status).toBe(400);
      const error = answer.body.errors?.find((candidate) => candidate.extensions?.['limit'] === limit);
      expect(error?.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit, max: QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS] });
      expect(error?.message).not.toMatch(/syntax error|internal/i);
    });
  });

  describe('security headers', () => {
    const expectHardened = (headers: Headers) => {
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    };

    it('are on the gateway: the web app, GraphQL (no relaxed landing-page policy in production) and unknown paths', async () => {
      for (const path of ['/', '/graphql', '/no/such/page']) {
        const response = await fetch(`${gatewayBase()}${path}`, { headers: { accept: 'text/html' } });
        expectHardened(response.headers);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toMatch(/apollographql|unsafe-eval|script-src[^;]*unsafe-inline/);
      }
    });

    it('are on every subgraph, refused requests and health probes included', async () => {
      for (const service of SERVICES) {
        for (const response of [await fetch(subgraphUrl(service), { method: 'POST' }), await fetch(subgraphUrl(service, '/health/live'))]) {
          expectHardened(response.headers);
          expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
        }
      }
    });
  });

  describe('health endpoints', () => {
    it.each(SERVICES)('%s: live, and ready with its database', async (service) => {
      const live = await fetch(subgraphUrl(service, '/health/live'));
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
      const ready = await fetch(subgraphUrl(service, '/health/ready'));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    });

    it('search is ready with its index loaded', async () => {
      const ready = await fetch(subgraphUrl('search', '/health/ready'));
      expect(await ready.json()).toMatchObject({ details: { searchIndex: { status: 'up' } } });
    });

    it('the gateway is live and ready (JSON, not the web app)', async () => {
      for (const path of ['/health/live', '/health/ready']) {
        const response = await fetch(`${gatewayBase()}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/application\/json/);
        expect(await response.json()).toMatchObject({ status: 'ok' });
      }
    });
  });

  describe('with the search service down', () => {
    let gateway: ChildProcess | undefined;
    let degradedUrl: string;
    let output = '';

    beforeAll(async () => {
      // A second gateway process like the launcher's, told search lives where nothing listens: it
      // starts anyway (committed supergraph, no introspection) and must degrade, not fail.
      const port = await freePort();
      const nowhere = await freePort();
      degradedUrl = `http://127.0.0.1:${port}/graphql`;
      gateway = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
        cwd: ROOT,
        env: { ...marketplace.env, PORT: String(port), SEARCH_URL: `http://127.0.0.1:${nowhere}/graphql` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      gateway.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      gateway.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + 60_000;
      for (;;) {
        const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false);
        if (ready) break;
        if (Date.now() > deadline || gateway.exitCode !== null) throw new Error(`the gateway did not become ready:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });

    afterAll(async () => {
      if (gateway && gateway.exitCode === null) {
        const exited = new Promise((resolve) => gateway?.once('exit', resolve));
        gateway.kill('SIGTERM');
        await exited;
      }
    });

    it('answers the listings and marks search SERVICE_UNAVAILABLE, naming it', async () => {
      const answer = await post(degradedUrl, NEEDS_AND_SEARCH);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body.data?.['needs'])).toContain(needTitle);
      expect(answer.body.data?.['search']).toBeNull();
      expect(answer.body.errors).toEqual([
        {
          message: 'Search is temporarily unavailable; try again shortly',
          path: ['search'],
          extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'search' },
        },
      ]);
      expect(output).toMatch(/search did not answer: .*ECONNREFUSED/);
    });

    it('answers HTTP 503 with Retry-After when nothing could be answered', async () => {
      const answer = await post(degradedUrl, '{ search(input: { query: "经编机" }) { totalHits } }');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    });

    it('keeps serving other services’ mutations and queries', async () => {
      const { login } = await client(degradedUrl).request<{ login: { accessToken: string } }>(LOGIN, { input: admin });
      expect(login.accessToken).toEqual(expect.any(String));
    });
  });
});
