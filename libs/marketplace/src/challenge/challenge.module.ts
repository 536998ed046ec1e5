import { Module } from '@nestjs/common';
import { ListingModule } from '../listing/listing.module';
import { ChallengeApplicationResolver } from './challenge-application.resolver';
import { ChallengeApplicationService } from './challenge-application.service';
import { ChallengeResolver } from './challenge.resolver';
import { ChallengeService } from './challenge.service';

/** 揭榜挂帅: challenges as listings, applications, review, awards and milestones. */
@Module({
  imports: [ListingModule],
  providers: [ChallengeService, ChallengeApplicationService, ChallengeResolver, ChallengeApplicationResolver],
  exports: [ChallengeService, ChallengeApplicationService],
})
export class ChallengeModule {}
