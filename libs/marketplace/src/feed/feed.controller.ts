import { BadRequestException, Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ServiceAuthGuard } from '@ttm/auth';
import { FeedPage, SnapshotPage } from '@ttm/events';
import { isUuid } from '../listing/ids';
import { FeedService } from './feed.service';

export const MAX_FEED_LIMIT = 1000;
const DEFAULT_FEED_LIMIT = 100;

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_FEED_LIMIT;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_FEED_LIMIT) {
    throw new BadRequestException(`limit must be a whole number from 1 to ${MAX_FEED_LIMIT}`);
  }
  return limit;
}

/** Internal routes for the search indexer (service token only; never exposed through the gateway). */
@Controller('internal')
@UseGuards(ServiceAuthGuard)
export class FeedController {
  constructor(private readonly feedService: FeedService) {}

  /** `GET /internal/feed?after=<seq>&limit=<n≤1000>`: outbox events after `seq`, oldest first. */
  @Get('feed')
  feed(@Query('after') after?: string, @Query('limit') limit?: string): Promise<FeedPage> {
    const afterSeq = after === undefined || after === '' ? '0' : after;
    if (!/^\d{1,18}$/.test(afterSeq)) throw new BadRequestException('after must be an outbox sequence number (0 for the start)');
    return this.feedService.feed(afterSeq, parseLimit(limit));
  }

  /** `GET /internal/snapshot?after=<id>&limit=<n≤1000>`: every published listing, by id, in pages. */
  @Get('snapshot')
  snapshot(@Query('after') after?: string, @Query('limit') limit?: string): Promise<SnapshotPage> {
    const afterId = after === undefined || after === '' ? null : after;
    if (afterId !== null && !isUuid(afterId)) throw new BadRequestException('after must be the nextAfter id of the previous page');
    return this.feedService.snapshot(afterId?.toLowerCase() ?? null, parseLimit(limit));
  }
}
