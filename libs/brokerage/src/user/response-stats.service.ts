import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BROKERAGE_SCHEMA as S } from '../brokerage.constants';
import { MatchResponseStats } from './user.model';

/** Hours each side took to answer, one row per side a person answers for. */
const RESPONSE_SQL = `
  WITH sides AS (
    SELECT proposed_at, need_responded_at AS responded_at, status FROM ${S}.matches WHERE need_owner_id = $1
    UNION ALL
    SELECT proposed_at, counterpart_responded_at, status FROM ${S}.matches WHERE counterpart_owner_id = $1
  )
  SELECT count(responded_at)::int AS answered,
         count(*) FILTER (WHERE responded_at IS NULL AND status = 'PROPOSED')::int AS pending,
         (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (responded_at - proposed_at)) / 3600.0)
            FILTER (WHERE responded_at IS NOT NULL))::float8 AS median_hours
    FROM sides
`;

@Injectable()
export class ResponseStatsService {
  constructor(private readonly dataSource: DataSource) {}

  /** How many proposals a person answered, how many wait, and the median hours they took. */
  async of(userId: string): Promise<MatchResponseStats> {
    const [row] = await this.dataSource.query<{ answered: number; pending: number; median_hours: number | null }[]>(RESPONSE_SQL, [userId]);
    return {
      answered: row?.answered ?? 0,
      pending: row?.pending ?? 0,
      medianResponseHours: row?.median_hours === null || row?.median_hours === undefined ? null : Number(row.median_hours),
    };
  }
}
