import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ListingIndexer } from '../indexer/listing-indexer.service';
import { BrokerageOutcomesClient } from './brokerage-outcomes.client';
import { LinkLearningService } from './link-learning.service';

/** Outcomes are rare: the brokerage is asked this often when it had nothing new. */
const IDLE_POLL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * Follows the brokerage's outcome feed and learns from each decided match once (see LinkLearningService),
 * resuming after the last outcome counted. It starts once the listing index is loaded (the listings'
 * concepts come from there). A brokerage that cannot be reached only delays learning: failures are
 * logged and retried with exponential back-off, and search keeps answering meanwhile.
 */
@Injectable()
export class MatchOutcomeFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MatchOutcomeFollower');
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  /** Polls never overlap. */
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly learning: LinkLearningService,
    private readonly brokerage: BrokerageOutcomesClient,
    private readonly indexer: ListingIndexer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.learning.refreshWeights();
    this.schedule(0, 0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Reads the feed to its end and learns from every outcome not yet counted; returns how many were counted now. */
  catchUp(): Promise<number> {
    const run = this.exclusive.then(() => this.readToEnd());
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  private async readToEnd(): Promise<number> {
    await this.learning.refreshIfChanged();
    if (!this.indexer.readiness().ready) return 0;
    let counted = 0;
    for (;;) {
      const page = await this.brokerage.page(await this.learning.feedPosition());
      for (const outcome of page.outcomes) {
        if ((await this.learning.learn(outcome)) !== null) counted++;
      }
      if (!page.hasMore || page.outcomes.length === 0) break;
    }
    if (counted > 0) {
      this.logger.log(`learned from ${counted} match outcomes`);
      await this.learning.refreshWeights();
    }
    return counted;
  }

  private schedule(delayMs: number, failures: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.catchUp().then(
        () => this.schedule(IDLE_POLL_MS, 0),
        (error: unknown) => {
          const wait = Math.min(MAX_BACKOFF_MS, IDLE_POLL_MS * 2 ** failures);
          this.logger.warn(`learning from the brokerage's match outcomes failed (${error instanceof Error ? error.message : String(error)}); retrying in ${wait} ms`);
          this.schedule(wait, failures + 1);
        },
      );
    }, delayMs);
  }
}
