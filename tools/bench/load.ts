/**
 * `npm run bench:load [-- --url http://127.0.0.1:3000/graphql --duration 60 --connections 50 --scenario search]`:
 * autocannon against a running marketplace (npm start), sending exactly the operations the web app sends
 * (read from its .graphql files). Prints one JSON line per scenario: req/s, latency p50/p99, non-2xx
 * answers, socket errors and GraphQL errors (a 200 answer that carries `errors`).
 *
 * Scenarios: search (the search page's query with its hits' nodes, rotating over common queries),
 * detail (a need's detail page), matches (matchesForNeed of a need page), mixed (search + detail + a
 * signed-in write: marking one's notifications read).
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, print, visit } from 'graphql';

const ROOT = resolve(__dirname, '..', '..');
const PAGES = resolve(ROOT, 'apps', 'web', 'src', 'pages');
const SCENARIOS = ['search', 'detail', 'matches', 'mixed'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** The queries people type most on the search page, and the empty query (the page as it opens). */
const SEARCH_QUERIES = ['', '光伏', '经编', '碳化硅', '医用敷料', '皮革', '储能', '机器视觉', '电池', '纺织'];

/** One operation of a web-app .graphql file with every fragment it spreads (as the web app's generated document). */
function webOperation(file: string, name: string): string {
  const documents = [file, 'listing/MatchList.graphql'].map((path) => parse(readFileSync(resolve(PAGES, path), 'utf8')));
  const definitions = documents.flatMap((document: DocumentNode) => document.definitions);
  const operation = definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`${file} has no operation ${name}`);
  const fragments = new Map(
    definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const used = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`${file} spreads an unknown fragment ${spread.name.value}`);
        collect(fragment);
      },
    });
  collect(operation);
  const spread = [...fragments.values()].filter((fragment) => used.has(fragment.name.value));
  return [operation, ...spread].map(print).join('\n');
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const SEARCH = webOperation('search/search.graphql', 'SearchListings');
const NEED_DETAIL = webOperation('listing/NeedDetail.graphql', 'NeedDetail');
const MATCHES = webOperation('listing/MatchList.graphql', 'MatchesForNeed');

function searchBody(index: number): string {
  const query = SEARCH_QUERIES[index % SEARCH_QUERIES.length];
  const input = { query: query || undefined, sort: 'RELEVANCE', first: 10, facets: ['INDUSTRY', 'REGION', 'COOPERATION_MODE', 'KIND'], filters: {} };
  return JSON.stringify({ operationName: 'SearchListings', query: SEARCH, variables: { input } });
}

interface Fixture {
  needIds: string[];
  token?: string;
}

/** Who the mixed scenario writes as: an existing account (`--email`/`--password`), or a new one where registration needs no code. */
interface Writer {
  email?: string;
  password?: string;
}

/** Published needs to open, and (for the mixed scenario) a signed-in account. */
async function fixture(url: string, scenario: Scenario, writer: Writer): Promise<Fixture> {
  const { needs } = await graphql<{ needs: { edges: { node: { id: string } }[] } }>(url, '{ needs(first: 50) { edges { node { id } } } }');
  const needIds = needs.edges.map((edge) => edge.node.id);
  if (needIds.length === 0 && scenario !== 'search') throw new Error('the marketplace has no published needs: start it with demo data (SEED_DEMO=true)');
  if (scenario !== 'mixed') return { needIds };
  if (writer.email && writer.password) {
    const { login } = await graphql<{ login: { accessToken: string } }>(
      url,
      'mutation L($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: writer.email, password: writer.password } },
    );
    return { needIds, token: login.accessToken };
  }
  const email = `load-${Date.now()}@bench.test`;
  const { register } = await graphql<{ register: { accessToken: string } }>(
    url,
    'mutation R($input: RegisterInput!) { register(input: $input) { accessToken } }',
    { input: { email, password: 'Bench-load-2026', displayName: '压测', role: 'RESEARCHER' } },
  );
  return { needIds, token: register.accessToken };
}

type ResponseHandler = (status: number, body: string, context: object) => void;

function requestsFor(scenario: Scenario, data: Fixture): autocannon.Request[] {
  let counter = 0;
  const next = () => counter++;
  const post = (body: () => string, token?: string): autocannon.Request => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    setupRequest: (request) => ({ ...request, body: body() }),
  });
  const search = post(() => searchBody(next()));
  const detail = post(() => JSON.stringify({ operationName: 'NeedDetail', query: NEED_DETAIL, variables: { id: data.needIds[next() % data.needIds.length] } }));
  const matches = post(() => JSON.stringify({ operationName: 'MatchesForNeed', query: MATCHES, variables: { id: data.needIds[next() % data.needIds.length] } }));
  switch (scenario) {
    case 'search':
      return [search];
    case 'detail':
      return [detail];
    case 'matches':
      return [matches];
    case 'mixed':
      // Nine reads, then a signed-in write (an UPDATE in the search service's own transaction, repeatable without limit).
      return [
        search, detail, search, detail, search, detail, search, detail, search,
        post(() => JSON.stringify({ query: 'mutation { markAllNotificationsRead { count } }' }), data.token),
      ];
  }
}

async function run(url: string, scenario: Scenario, connections: number, duration: number, writer: Writer): Promise<Record<string, unknown>> {
  const data = await fixture(url, scenario, writer);
  let graphqlErrors = 0;
  const firstErrors = new Set<string>();
  const requests = requestsFor(scenario, data).map((request): autocannon.Request => ({
    ...request,
    onResponse: (status: number, body: string, context: object) => {
      (request.onResponse as ResponseHandler | undefined)?.(status, body, context);
      if (status !== 200 || !body.includes('"errors"')) return;
      graphqlErrors += 1;
      if (firstErrors.size < 3) firstErrors.add(body.slice(0, 300));
    },
  }));
  const result = await autocannon({ url, connections, duration, requests, timeout: 30 });
  return {
    scenario,
    url,
    connections,
    durationSec: duration,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    ...(firstErrors.size ? { sampleErrors: [...firstErrors] } : {}),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: `http://127.0.0.1:${process.env['PORT'] ?? 3000}/graphql` },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      scenario: { type: 'string', multiple: true },
      // The mixed scenario's account where registration needs an e-mailed code (production).
      email: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const scenarios = (values.scenario ?? ['search']) as Scenario[];
  const unknown = scenarios.filter((scenario) => !SCENARIOS.includes(scenario));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}: choose from ${SCENARIOS.join(', ')}`);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!(duration > 0 && duration <= 600)) throw new Error('--duration: seconds, 1–600');
  if (!(connections > 0 && connections <= 500)) throw new Error('--connections: 1–500');
  const target = new URL(values.url ?? '');
  // Load only ever goes to this machine.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('--url must point at this machine (127.0.0.1 or localhost)');
  for (const scenario of scenarios) console.log(JSON.stringify(await run(target.toString(), scenario, connections, duration, values)));
}

main().catch((error: unknown) => {
  console.error(`bench:load: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
