import { Module } from '@nestjs/common';
import { ListingModule } from '../listing/listing.module';
import { ExpertResolver } from './expert.resolver';
import { ExpertService } from './expert.service';

@Module({
  imports: [ListingModule],
  providers: [ExpertService, ExpertResolver],
  exports: [ExpertService],
})
export class ExpertModule {}
