import { Module } from '@nestjs/common';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';
import { ListingFactsController } from './listing-facts.controller';
import { ListingFactsService } from './listing-facts.service';

@Module({
  controllers: [FeedController, ListingFactsController],
  providers: [FeedService, ListingFactsService],
})
export class FeedModule {}
