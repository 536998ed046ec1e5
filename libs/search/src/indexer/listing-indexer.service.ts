import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FeedEvent, ListingEventType, ListingUpsertedPayload, SnapshotPage } from '@ttm/events';
import { ReadinessCheck } from '@ttm/graphql';
import { F } from '@ttm/search-engine';
import { listingKnowledge } from '../concepts/listing-concepts';
import { toIndexedListing } from '../index/indexed-listing';
import { ListingIndex } from '../index/listing-index.provider';
import { FEED_PAGE_SIZE, MarketplaceFeedClient } from './marketplace-feed.client';

const IDLE_POLL_MS = 500;
const MAX_BACKOFF_MS = 10_000;

export interface RebuildProgress {
  state: 'running' | 'done' | 'failed';
  documents: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** Keeps only the newest event per listing; the feed is in commit order, so the last one wins. */
export function latestPerListing(events: readonly FeedEvent[]): FeedEvent[] {
  const latest = new Map<string, FeedEvent>();
  for (const event of events) latest.set(event.aggregateId, event);
  return [...latest.values()];
}

/**
 * Makes the index follow the marketplace's outbox feed: at least once, idempotent, never replacing a
 * newer document with an older one. The feed position is stored with the index (checkpoint), so a
 * restart of either side resumes where the index really is; an index without a checkpoint is rebuilt
 * from the marketplace snapshot first. The service only starts answering once it has caught up.
 */
@Injectable()
export class ListingIndexer implements OnApplicationBootstrap, OnApplicationShutdown, ReadinessCheck {
  readonly readinessKey = 'searchIndex';
  private readonly logger = new Logger('ListingIndexer');
  /** The index is loaded and has caught up with the marketplace feed once (the service's readiness). */
  private loaded = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  /** Feed application and rebuilds never overlap. */
  private exclusive: Promise<unknown> = Promise.resolve();
  private lastRebuild: RebuildProgress | null = null;
  private running: Promise<RebuildProgress> | undefined;

  constructor(
    private readonly listings: ListingIndex,
    private readonly feed: MarketplaceFeedClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listings.index.ensure();
    await this.catchUpWithRetry();
    this.loaded = !this.stopped;
    this.schedule(IDLE_POLL_MS, 0);
    void this.reannotateIfStale();
  }

  readiness(): { ready: true } | { ready: false; reason: string } {
    return this.loaded ? { ready: true } : { ready: false, reason: 'the search index is still loading from the marketplace' };
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  get rebuildProgress(): RebuildProgress | null {
    return this.lastRebuild;
  }

  /**
   * Rebuilds the index from the marketplace snapshot while searches keep being answered. The
   * progress is visible (state 'running') from the moment this is called; a second call while one
   * runs joins it instead of starting another.
   */
  rebuild(): Promise<RebuildProgress> {
    if (this.running) return this.running;
    const progress = this.startProgress();
    this.running = this.serially(() => this.rebuildNow(progress)).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * A rebuild that starts after the one running (if any) has finished: what a change of the knowledge
   * graph needs, since a rebuild already under way may be annotating with the graph before the change.
   */
  async rebuildAfterCurrent(): Promise<RebuildProgress> {
    await this.running?.catch(() => undefined);
    return this.rebuild();
  }

  /** Applies feed pages until the index has every event the marketplace has committed. */
  catchUp(): Promise<void> {
    return this.serially(async () => {
      const { checkpoint } = await this.listings.index.stats();
      if (checkpoint === null) await this.rebuildNow(this.startProgress());
      while ((await this.applyNextPage()) === FEED_PAGE_SIZE) {
        // a full page: more may be waiting
      }
    });
  }

  /**
   * When the index holds listings annotated with another version of the knowledge graph than the one in
   * use (the graph changed since they were indexed), rebuilds it in the background — re-annotating every
   * listing, with progress as for any rebuild — while the current index keeps answering: at 100,000
   * listings that takes minutes, too long to keep the service unready.
   */
  async reannotateIfStale(): Promise<RebuildProgress | null> {
    try {
      const { version } = listingKnowledge();
      const [stale] = await this.listings.index.searchMany([
        { filter: F.or(F.not(F.exists('conceptsVersion')), F.ne('conceptsVersion', version)), limit: 0 },
      ]);
      if (stale.totalHits === 0) return null;
      this.logger.log(`${stale.totalHits} listings were annotated with another knowledge graph than ${version}: re-annotating`);
      return await this.rebuild();
    } catch (error) {
      this.logger.warn(`re-annotating the listings failed (${describe(error)}); the next start or \`npm run reindex\` retries`);
      return null;
    }
  }

  private async catchUpWithRetry(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.catchUp();
        return;
      } catch (error) {
        if (this.stopped) return;
        const wait = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt);
        this.logger.warn(`catching up with the marketplace failed (${describe(error)}); retrying in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private schedule(delayMs: number, failures: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.serially(() => this.applyNextPage()).then(
        (applied) => this.schedule(applied === FEED_PAGE_SIZE ? 0 : IDLE_POLL_MS, 0),
        (error: unknown) => {
          this.logger.warn(`applying the marketplace feed failed: ${describe(error)}`);
          this.schedule(Math.min(MAX_BACKOFF_MS, IDLE_POLL_MS * 2 ** (failures + 1)), failures + 1);
        },
      );
    }, delayMs);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(work, work);
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  /** Applies one page of the feed; returns how many events it held. */
  private async applyNextPage(): Promise<number> {
    const index = this.listings.index;
    const { checkpoint } = await index.stats();
    const page = await this.feed.feed(checkpoint ?? '0');
    if (page.events.length === 0) return 0;
    await this.apply(page.events);
    await index.setCheckpoint(page.events[page.events.length - 1].seq);
    return page.events.length;
  }

  private async apply(events: readonly FeedEvent[]): Promise<void> {
    const index = this.listings.index;
    const latest = latestPerListing(events);
    const indexedVersions = new Map((await index.get(latest.map((event) => event.aggregateId))).map((doc) => [doc.id, doc.version]));
    const upserts = [];
    const deletes = [];
    for (const event of latest) {
      const indexed = indexedVersions.get(event.aggregateId);
      if (indexed !== undefined && indexed > event.aggregateVersion) continue;
      if (event.type === ListingEventType.UPSERTED) {
        upserts.push(toIndexedListing((event.payload as ListingUpsertedPayload).document));
      } else {
        deletes.push(event.aggregateId);
      }
    }
    if (deletes.length > 0) await index.delete(deletes);
    if (upserts.length > 0) await index.upsert(upserts);
  }

  private startProgress(): RebuildProgress {
    this.lastRebuild = { state: 'running', documents: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null };
    return this.lastRebuild;
  }

  private async rebuildNow(progress: RebuildProgress): Promise<RebuildProgress> {
    try {
      // The first page fixes the feed position the rebuilt index resumes from. Later pages may hold
      // newer versions than that position; the version check in apply() keeps them.
      const first = await this.feed.snapshot(null);
      const feed = this.feed;
      async function* pages(): AsyncGenerator<ReturnType<typeof toIndexedListing>[]> {
        let page: SnapshotPage = first;
        for (;;) {
          progress.documents += page.documents.length;
          yield page.documents.map((document) => toIndexedListing(document));
          if (page.nextAfter === null) return;
          page = await feed.snapshot(page.nextAfter);
        }
      }
      await this.listings.index.rebuild(pages(), { checkpoint: first.headSeq });
      progress.state = 'done';
      this.logger.log(`rebuilt the listing index: ${progress.documents} documents, feed position ${first.headSeq}`);
    } catch (error) {
      progress.state = 'failed';
      progress.error = describe(error);
      throw error;
    } finally {
      progress.finishedAt = new Date().toISOString();
    }
    return progress;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
