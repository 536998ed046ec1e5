import { Module } from '@nestjs/common';
import { ListingModule } from '../listing/listing.module';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';

@Module({
  imports: [ListingModule],
  providers: [ModerationService, ModerationResolver],
})
export class ModerationModule {}
