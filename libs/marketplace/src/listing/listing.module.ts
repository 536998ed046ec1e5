import { Module } from '@nestjs/common';
import { ListingLifecycle } from './listing-lifecycle.service';
import { ListingLoaderFactory } from './listing-loaders';
import { RequestViewer } from './request-viewer';

/** What every listing kind shares: the lifecycle (with the outbox), per-request loaders, the viewer. */
@Module({
  providers: [ListingLifecycle, ListingLoaderFactory, RequestViewer],
  exports: [ListingLifecycle, ListingLoaderFactory, RequestViewer],
})
export class ListingModule {}
