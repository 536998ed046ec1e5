import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { ServiceAuthGuard } from '@ttm/auth';
import { ListingIndex } from '../index/listing-index.provider';
import { ListingIndexer, RebuildProgress } from '../indexer/listing-indexer.service';

export interface ReindexStatus {
  /** The latest rebuild, null if none ran since the service started. */
  rebuild: RebuildProgress | null;
  /** Documents in the live index (the size of the previous build while a rebuild runs). */
  indexedDocuments: number;
}

/** Used by `npm run reindex`: starts a rebuild and reports its progress. */
@Controller('internal/reindex')
@UseGuards(ServiceAuthGuard)
export class ReindexController {
  constructor(
    private readonly indexer: ListingIndexer,
    private readonly listings: ListingIndex,
  ) {}

  @Post()
  async start(): Promise<ReindexStatus> {
    // Runs in the background; progress is polled through GET. Failures are reported there.
    this.indexer.rebuild().catch(() => undefined);
    return this.status();
  }

  @Get()
  async status(): Promise<ReindexStatus> {
    return { rebuild: this.indexer.rebuildProgress, indexedDocuments: (await this.listings.index.stats()).documents };
  }
}
