import { BadRequestException, Controller, Get, NotFoundException, Param, Query, UseGuards } from '@nestjs/common';
import { ServiceAuthGuard } from '@ttm/auth';
import { ListingFacts, ListingFactsPage, MarketplaceStatsPage, MAX_LISTING_FACTS_IDS } from '@ttm/events';
import { isUuid } from '../listing/ids';
import { ListingFactsService } from './listing-facts.service';

/** Internal routes for the brokerage (service token only; never exposed through the gateway). */
@Controller('internal')
@UseGuards(ServiceAuthGuard)
export class ListingFactsController {
  constructor(private readonly facts: ListingFactsService) {}

  /** `GET /internal/listings?ids=<id>,<id>…` (at most 100): owner, status, contact … of each listing found. */
  @Get('listings')
  async listings(@Query('ids') ids?: string): Promise<ListingFactsPage> {
    const list = (ids ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
    if (list.length === 0 || list.length > MAX_LISTING_FACTS_IDS || !list.every(isUuid)) {
      throw new BadRequestException(`ids must be 1 to ${MAX_LISTING_FACTS_IDS} listing ids separated by commas`);
    }
    return { listings: await this.facts.byIds(list.map((id) => id.toLowerCase())) };
  }

  /** `GET /internal/listings/<id>`: one listing's facts, 404 when there is none. */
  @Get('listings/:id')
  async listing(@Param('id') id: string): Promise<ListingFacts> {
    if (!isUuid(id)) throw new BadRequestException('id must be a listing id (uuid)');
    const [facts] = await this.facts.byIds([id.toLowerCase()]);
    if (!facts) throw new NotFoundException(`No listing ${id}`);
    return facts;
  }

  /** `GET /internal/stats`: listings ever published, by kind, industry and month — exact counts. */
  @Get('stats')
  stats(): Promise<MarketplaceStatsPage> {
    return this.facts.publishedCounts();
  }
}
