import { Injectable } from '@nestjs/common';
import { MATCH_OUTCOMES_PATH, MatchOutcomesPage, MAX_MATCH_OUTCOMES_PAGE } from '@ttm/events';
import { ServiceHttpClient } from '../services/service-http.client';

/** Reads the brokerage's decided matches over HTTP (service token); the search service never reads its tables. */
@Injectable()
export class BrokerageOutcomesClient {
  constructor(private readonly http: ServiceHttpClient) {}

  page(after: string | null, limit = MAX_MATCH_OUTCOMES_PAGE): Promise<MatchOutcomesPage> {
    return this.http.get<MatchOutcomesPage>('brokerage', MATCH_OUTCOMES_PATH, { after: after ?? '', limit: String(limit) }, 15_000);
  }
}
