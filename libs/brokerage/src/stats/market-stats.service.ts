import { Inject, Injectable } from '@nestjs/common';
import { industryName } from '@ttm/taxonomy';
import { DataSource } from 'typeorm';
import { BROKERAGE_SCHEMA as S } from '../brokerage.constants';
import { LISTING_DIRECTORY, ListingDirectory } from '../listings/listing-directory';
import { MarketCounts, MarketStats, MatchFunnel } from './market-stats.model';

interface GroupRow {
  industry: string;
  month: string;
  count: number;
  value?: string;
}

const MONTH = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM')`;

const emptyCounts = (): MarketCounts => ({ needs: 0, results: 0, challenges: 0, matches: 0, deals: 0, contracts: 0, contractValue: 0 });

type CountKey = Exclude<keyof MarketCounts, 'contractValue'>;

/**
 * Market statistics: listing counts come from the marketplace's internal stats API, matches, deals and
 * contracts from the brokerage's own tables — never another service's tables.
 */
@Injectable()
export class MarketStatsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(LISTING_DIRECTORY) private readonly listings: ListingDirectory,
  ) {}

  async stats(): Promise<MarketStats> {
    const byIndustry = new Map<string, MarketCounts>();
    const byMonth = new Map<string, MarketCounts>();
    const totals = emptyCounts();
    const add = (industry: string, month: string, key: CountKey, count: number, value = 0) => {
      for (const counts of [totals, at(byIndustry, industry), at(byMonth, month)]) {
        counts[key] += count;
        counts.contractValue += value;
      }
    };

    const published = await this.listings.publishedCounts();
    for (const row of published.published) {
      const key: CountKey | null = row.kind === 'NEED' ? 'needs' : row.kind === 'RESULT' ? 'results' : row.kind === 'CHALLENGE' ? 'challenges' : null;
      if (key) add(row.industry, row.month, key, row.count);
    }
    for (const row of await this.grouped(`SELECT industry, ${MONTH('proposed_at')} AS month, count(*)::int AS count FROM ${S}.matches GROUP BY 1, 2`)) {
      add(row.industry, row.month, 'matches', row.count);
    }
    for (const row of await this.grouped(`SELECT industry, ${MONTH('created_at')} AS month, count(*)::int AS count FROM ${S}.deals GROUP BY 1, 2`)) {
      add(row.industry, row.month, 'deals', row.count);
    }
    for (const row of await this.grouped(
      `SELECT d.industry, to_char(c.signed_on, 'YYYY-MM') AS month, count(*)::int AS count, sum(c.amount)::text AS value
         FROM ${S}.contracts c JOIN ${S}.deals d ON d.id = c.deal_id GROUP BY 1, 2`,
    )) {
      add(row.industry, row.month, 'contracts', row.count, Number(row.value));
    }

    const [funnel] = await this.dataSource.query<MatchFunnel[]>(`
      SELECT (SELECT count(*) FROM ${S}.matches)::int AS proposed,
             (SELECT count(*) FROM ${S}.matches WHERE status = 'ACCEPTED')::int AS accepted,
             (SELECT count(*) FROM ${S}.matches WHERE status = 'DECLINED')::int AS declined,
             (SELECT count(*) FROM ${S}.deals WHERE signed_at IS NOT NULL)::int AS "contractSigned",
             (SELECT count(*) FROM ${S}.deals WHERE stage = 'COMPLETED')::int AS completed,
             (SELECT count(*) FROM ${S}.deals WHERE stage = 'FAILED')::int AS failed`);
    const [firstMatch] = await this.dataSource.query<{ needs: number; median_days: number | null }[]>(`
      WITH firsts AS (
        SELECT need_id, EXTRACT(EPOCH FROM (min(proposed_at) - min(need_published_at))) / 86400.0 AS days FROM ${S}.matches GROUP BY need_id
      )
      SELECT count(*)::int AS needs, (percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::float8 AS median_days FROM firsts`);

    return {
      totals,
      byIndustry: [...byIndustry.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([industry, counts]) => ({ industry, industryName: industryName(industry), ...counts })),
      byMonth: [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, counts]) => ({ month, ...counts })),
      funnel,
      medianDaysToFirstMatch: firstMatch.median_days === null ? null : Number(firstMatch.median_days),
      needsWithMatch: firstMatch.needs,
    };
  }

  private grouped(sql: string): Promise<GroupRow[]> {
    return this.dataSource.query<GroupRow[]>(sql);
  }
}

function at(map: Map<string, MarketCounts>, key: string): MarketCounts {
  let counts = map.get(key);
  if (!counts) {
    counts = emptyCounts();
    map.set(key, counts);
  }
  return counts;
}
