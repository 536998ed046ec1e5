import { BadRequestException, Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ServiceAuthGuard } from '@ttm/auth';
import { MatchOutcomesPage, MAX_MATCH_OUTCOMES_PAGE } from '@ttm/events';
import { MatchOutcomesService } from './match-outcomes.service';

/** Internal routes for other services (service token only; never exposed through the gateway). */
@Controller('internal')
@UseGuards(ServiceAuthGuard)
export class MatchOutcomesController {
  constructor(private readonly outcomes: MatchOutcomesService) {}

  /** `GET /internal/match-outcomes?after=<cursor>&limit=<1–200>`: decided matches after the cursor, in the order they were decided. */
  @Get('match-outcomes')
  page(@Query('after') after?: string, @Query('limit') limit?: string): Promise<MatchOutcomesPage> {
    const cursor = after === undefined || after === '' ? null : after;
    if (cursor !== null && !/^\d{1,18}$/.test(cursor)) throw new BadRequestException('after must be the cursor of an outcome (digits), or empty to start from the first');
    const size = limit === undefined || limit === '' ? MAX_MATCH_OUTCOMES_PAGE : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > MAX_MATCH_OUTCOMES_PAGE) throw new BadRequestException(`limit must be an integer from 1 to ${MAX_MATCH_OUTCOMES_PAGE}`);
    return this.outcomes.page(cursor, size);
  }
}
