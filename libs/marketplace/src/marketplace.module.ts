import { Module } from '@nestjs/common';
import { ChallengeModule } from './challenge/challenge.module';
import { DemoModule } from './demo/demo.module';
import { ExpertModule } from './expert/expert.module';
import { FeedModule } from './feed/feed.module';
import { ListingModule } from './listing/listing.module';
import { ModerationModule } from './moderation/moderation.module';
import { NeedModule } from './need/need.module';
import { ResultModule } from './result/result.module';

/** The marketplace domain: needs, results, experts, challenges, moderation, the outbox feed and demo data. */
@Module({
  imports: [ListingModule, NeedModule, ResultModule, ExpertModule, ChallengeModule, ModerationModule, FeedModule, DemoModule],
})
export class MarketplaceModule {}
