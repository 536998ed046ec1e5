import { Module } from '@nestjs/common';
import { ListingModule } from '../listing/listing.module';
import { NeedResolver } from './need.resolver';
import { NeedService } from './need.service';

@Module({
  imports: [ListingModule],
  providers: [NeedService, NeedResolver],
  exports: [NeedService],
})
export class NeedModule {}
