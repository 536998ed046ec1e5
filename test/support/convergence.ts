import { GraphQLClient } from 'graphql-request';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';

/** Support for the search-convergence e2e test: operations, PostgreSQL truth, launcher pids, polling. */

export const CREATE_RESULT = /* GraphQL */ `
  mutation CreateResult($input: CreateResultInput!) { createResult(input: $input) { id status title } }
`;
export const SUBMIT_RESULT = /* GraphQL */ `
  mutation SubmitResult($id: ID!) { submitResult(id: $id) { id status } }
`;
export const UPDATE_RESULT = /* GraphQL */ `
  mutation UpdateResult($id: ID!, $input: UpdateResultInput!) { updateResult(id: $id, input: $input) { id status title } }
`;
export const UPDATE_NEED_STATUS = /* GraphQL */ `
  mutation UpdateNeed($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id status title } }
`;
export const CLOSE_NEED = /* GraphQL */ `mutation CloseNeed($id: ID!) { closeNeed(id: $id) { id status } }`;
export const CLOSE_RESULT = /* GraphQL */ `mutation CloseResult($id: ID!) { closeResult(id: $id) { id status } }`;
export const CLOSE_EXPERT = /* GraphQL */ `mutation CloseExpert($id: ID!) { closeExpert(id: $id) { id status } }`;
export const REJECT_LISTING = /* GraphQL */ `
  mutation Reject($id: ID!, $reason: String!) { rejectListing(id: $id, reason: $reason) { __typename } }
`;
export const PUBLISHED_NEEDS = /* GraphQL */ `query { needs(first: 100) { edges { node { id title } } } }`;
export const PUBLISHED_RESULTS = /* GraphQL */ `query { results(first: 100) { edges { node { id title } } } }`;
export const PUBLISHED_EXPERTS = /* GraphQL */ `query { experts(first: 100) { edges { node { id name } } } }`;

export const SEARCH_IDS = /* GraphQL */ `
  query SearchIds($input: SearchInput!) {
    search(input: $input) { totalHits pageInfo { hasNextPage endCursor } hits { kind id } }
  }
`;

interface SearchIdsPage {
  search: { totalHits: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; hits: { kind: string; id: string }[] };
}

/** Every id search returns for `query` (all kinds), paging 50 at a time; duplicates are kept so they can be caught. */
export async function searchIds(gql: GraphQLClient, query?: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 40; page++) {
    const input: Record<string, unknown> = { first: 50, ...(query ? { query } : {}), ...(after ? { after } : {}) };
    const { search }: SearchIdsPage = await gql.request<SearchIdsPage>(SEARCH_IDS, { input });
    ids.push(...search.hits.map((hit) => hit.id));
    if (!search.pageInfo.hasNextPage) return ids;
    after = search.pageInfo.endCursor;
  }
  throw new Error('search kept reporting more pages after 2000 hits');
}

/** The listing tables PostgreSQL has (challenges join once they exist). */
const LISTING_TABLES = ['needs', 'results', 'experts', 'challenges'];

export interface ListingRow {
  id: string;
  status: string;
  title: string;
}

/** Reads the truth straight from PostgreSQL. */
export class MarketplaceTables {
  private constructor(
    private readonly pg: Client,
    private readonly tables: string[],
  ) {}

  static async open(url: string): Promise<MarketplaceTables> {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    const { rows } = await pg.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'marketplace' AND column_name = 'status' AND table_name = ANY($1)`,
      [LISTING_TABLES],
    );
    return new MarketplaceTables(
      pg,
      rows.map((row) => row.table_name),
    );
  }

  async publishedIds(): Promise<string[]> {
    const sql = this.tables.map((table) => `SELECT id::text AS id FROM marketplace.${table} WHERE status = 'PUBLISHED'`).join(' UNION ALL ');
    const { rows } = await this.pg.query<{ id: string }>(sql);
    return rows.map((row) => row.id);
  }

  /** Status and title (an expert's name) of the given listings. */
  async rows(ids: string[]): Promise<Map<string, ListingRow>> {
    const sql = this.tables
      .map((table) => {
        const title = table === 'experts' ? 'name' : 'title';
        return `SELECT id::text AS id, status::text AS status, ${title} AS title FROM marketplace.${table} WHERE id = ANY($1::uuid[])`;
      })
      .join(' UNION ALL ');
    const { rows } = await this.pg.query<ListingRow>(sql, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  close(): Promise<void> {
    return this.pg.end();
  }
}

/** Pids the launcher reported for a service, in start order. */
export function launchedPids(output: string, service: string): number[] {
  return [...output.matchAll(new RegExp(`\\[launcher\\] started ${service} \\(pid (\\d+)\\)`, 'g'))].map((match) => Number(match[1]));
}

/** How many times the launcher saw the service exit (`[launcher] search exited (SIGKILL) after …`). */
export function exitCount(output: string, service: string): number {
  return output.split('\n').filter((line) => line.startsWith(`[launcher] ${service} exited (`)).length;
}

/** Polls `probe` until it returns something other than undefined; fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A Latin word found nowhere else in the data, put into titles to tell versions apart. Old and new
 * markers start with different letters, so the engine's typo tolerance (which keeps the first letter)
 * and prefix matching can never connect one to the other.
 */
export function marker(first: 'q' | 'z' | 'x'): string {
  let word = first;
  for (let i = 0; i < 9; i++) word += String.fromCharCode(97 + randomInt(26));
  return word;
}

export function convergenceNeedInput(title: string): Record<string, unknown> {
  return {
    title,
    description: '我司拥有高速经编机120台，断纱后平均停机发现时间超过3分钟，希望开发基于机器视觉的断纱在线检测系统，检出率不低于99%。',
    industry: 'TEXTILE',
    keywords: ['经编机', '断纱检测', '机器视觉'],
    regionCode: '330481',
    cooperationModes: ['JOINT_DEVELOPMENT', 'TECH_SERVICE'],
    contact: { name: '王工', phone: '13857300001', email: 'wang@e2e-convergence.cn' },
    budgetMin: 300000,
    budgetMax: 800000,
  };
}

export function convergenceResultInput(title: string): Record<string, unknown> {
  return {
    title,
    description: '一种提高钙钛矿/晶硅叠层组件湿热稳定性的封装工艺，已完成中试，组件效率衰减在1000小时内小于5%。',
    industry: 'NEW_ENERGY',
    keywords: ['钙钛矿', '封装', '叠层电池'],
    regionCode: '330400',
    cooperationModes: ['LICENSE', 'TRANSFER'],
    contact: { name: '李老师', phone: '0571-87951234', email: 'li@e2e-university.edu.cn' },
    trl: 6,
    ipType: 'KNOW_HOW',
    askingPrice: 800000,
  };
}
