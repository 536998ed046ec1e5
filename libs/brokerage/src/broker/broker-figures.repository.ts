import { Injectable } from '@nestjs/common';
import { industryWithDescendants } from '@ttm/taxonomy';
import { DataSource } from 'typeorm';
import { BROKERAGE_SCHEMA as S } from '../brokerage.constants';
import { BrokerFigures } from '../broker-score/broker-score';

export interface BrokerFiguresRow extends BrokerFigures {
  brokerId: string;
  matchesAccepted: number;
  matchesDeclined: number;
  dealsFailed: number;
}

interface RawRow {
  broker_id: string;
  proposed: number;
  accepted: number;
  declined: number;
  opened: number;
  completed: number;
  failed: number;
  contract_value: string;
  median_hours: number | null;
  rating_count: number;
  rating_sum: number;
}

/**
 * Counts every broker's figures from the brokerage's own tables in one query:
 * proposals and their outcomes, deals, registered contract value, the median hours from a need's
 * publication to the broker's first proposal for it, and the ratings.
 */
const FIGURES_SQL = `
  WITH brokers AS (
    SELECT DISTINCT broker_id FROM ${S}.matches WHERE ($1::text[] IS NULL OR broker_id = ANY($1))
      AND ($2::text[] IS NULL OR broker_id IN (SELECT broker_id FROM ${S}.matches WHERE industry = ANY($2)))
  ),
  proposals AS (
    SELECT broker_id, count(*)::int AS proposed,
           count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
           count(*) FILTER (WHERE status = 'DECLINED')::int AS declined
      FROM ${S}.matches WHERE broker_id IN (SELECT broker_id FROM brokers) GROUP BY broker_id
  ),
  first_responses AS (
    SELECT broker_id, EXTRACT(EPOCH FROM (min(proposed_at) - min(need_published_at))) / 3600.0 AS hours
      FROM ${S}.matches WHERE broker_id IN (SELECT broker_id FROM brokers) GROUP BY broker_id, need_id
  ),
  responsiveness AS (
    SELECT broker_id, (percentile_cont(0.5) WITHIN GROUP (ORDER BY hours))::float8 AS median_hours FROM first_responses GROUP BY broker_id
  ),
  deal_counts AS (
    SELECT d.broker_id, count(*)::int AS opened,
           count(*) FILTER (WHERE d.stage = 'COMPLETED')::int AS completed,
           count(*) FILTER (WHERE d.stage = 'FAILED')::int AS failed,
           COALESCE(sum(c.amount), 0)::text AS contract_value
      FROM ${S}.deals d LEFT JOIN ${S}.contracts c ON c.deal_id = d.id
     WHERE d.broker_id IN (SELECT broker_id FROM brokers) GROUP BY d.broker_id
  ),
  rating_counts AS (
    SELECT broker_id, count(*)::int AS rating_count, COALESCE(sum(stars), 0)::int AS rating_sum
      FROM ${S}.broker_ratings WHERE broker_id IN (SELECT broker_id FROM brokers) GROUP BY broker_id
  )
  SELECT b.broker_id, COALESCE(p.proposed, 0) AS proposed, COALESCE(p.accepted, 0) AS accepted, COALESCE(p.declined, 0) AS declined,
         COALESCE(d.opened, 0) AS opened, COALESCE(d.completed, 0) AS completed, COALESCE(d.failed, 0) AS failed,
         COALESCE(d.contract_value, '0') AS contract_value, r.median_hours,
         COALESCE(rc.rating_count, 0) AS rating_count, COALESCE(rc.rating_sum, 0) AS rating_sum
    FROM brokers b
    LEFT JOIN proposals p ON p.broker_id = b.broker_id
    LEFT JOIN responsiveness r ON r.broker_id = b.broker_id
    LEFT JOIN deal_counts d ON d.broker_id = b.broker_id
    LEFT JOIN rating_counts rc ON rc.broker_id = b.broker_id
`;

export const emptyFigures = (brokerId: string): BrokerFiguresRow => ({
  brokerId,
  matchesProposed: 0,
  matchesAccepted: 0,
  matchesDeclined: 0,
  dealsOpened: 0,
  dealsCompleted: 0,
  dealsFailed: 0,
  contractValue: 0,
  medianFirstResponseHours: null,
  ratingCount: 0,
  ratingSum: 0,
});

@Injectable()
export class BrokerFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Figures of the given brokers (all brokers with a proposal when omitted), optionally only those active in an industry. */
  async figures(options: { brokerIds?: string[]; industry?: string } = {}): Promise<BrokerFiguresRow[]> {
    const industries = options.industry ? industryWithDescendants(options.industry) : null;
    const rows = await this.dataSource.query<RawRow[]>(FIGURES_SQL, [options.brokerIds ?? null, industries]);
    return rows.map((row) => ({
      brokerId: row.broker_id,
      matchesProposed: row.proposed,
      matchesAccepted: row.accepted,
      matchesDeclined: row.declined,
      dealsOpened: row.opened,
      dealsCompleted: row.completed,
      dealsFailed: row.failed,
      contractValue: Number(row.contract_value),
      medianFirstResponseHours: row.median_hours === null ? null : Number(row.median_hours),
      ratingCount: row.rating_count,
      ratingSum: row.rating_sum,
    }));
  }

  async ofBroker(brokerId: string): Promise<BrokerFiguresRow> {
    const [row] = await this.figures({ brokerIds: [brokerId] });
    return row ?? emptyFigures(brokerId);
  }
}
