import { Module } from '@nestjs/common';
import { ListingModule } from '../listing/listing.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [ListingModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
