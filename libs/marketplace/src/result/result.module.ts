import { Module } from '@nestjs/common';
import { ListingModule } from '../listing/listing.module';
import { ResultResolver } from './result.resolver';
import { ResultService } from './result.service';

@Module({
  imports: [ListingModule],
  providers: [ResultService, ResultResolver],
  exports: [ResultService],
})
export class ResultModule {}
