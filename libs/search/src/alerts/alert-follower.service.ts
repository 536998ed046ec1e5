import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedEvent, ListingEventType } from '@ttm/events';
import { DataSource } from 'typeorm';
import type { IndexedListing } from '../index/indexed-listing';
import { ListingIndex } from '../index/listing-index.provider';
import { MarketplaceFeedClient } from '../indexer/marketplace-feed.client';
import { AlertPlanner, PlannedAlert } from './alert-planner';
import { ALERT_FEED_PAGE, ALERT_IDLE_POLL_MS, ALERT_MAX_BACKOFF_MS } from './alert-rules';
import { NotificationEntity } from './notification.entity';

export const ALERT_CHECKPOINT = 'listing-alerts';

interface Checkpoint {
  seq: string;
  startedAt: Date;
}

/**
 * Turns first publications into notifications. It follows the marketplace feed with its own
 * checkpoint (in PostgreSQL), behind the index: it only reads events the index has already applied,
 * so the listing and its counterparts are searchable, and alert work never delays indexing.
 *
 * Each step commits the notifications, the listings it has alerted about and the new checkpoint in
 * one transaction, so a crash loses nothing (the step is redone) and a redone step adds nothing (one
 * notification per recipient and listing, one alerting per listing). A listing is alerted about once,
 * when first published after alerting began: edits, re-publications and history (a fresh install starts
 * at the feed head: demo data, old listings, snapshot rebuilds) alert nobody.
 */
@Injectable()
export class AlertFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AlertFollower');
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listings: ListingIndex,
    private readonly feed: MarketplaceFeedClient,
    private readonly planner: AlertPlanner,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0, 0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Processes every event the index has applied; resolves when nothing is left. */
  async catchUp(): Promise<void> {
    while ((await this.step()) > 0) {
      // more may be waiting
    }
  }

  /** One page of feed events (never two at once in this process); returns how many were consumed. */
  step(): Promise<number> {
    const previous = this.running ?? Promise.resolve(0);
    const run = previous.catch(() => 0).then(() => this.stepNow());
    this.running = run;
    return run;
  }

  private schedule(delayMs: number, failures: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.step().then(
        (consumed) => this.schedule(consumed > 0 ? 0 : ALERT_IDLE_POLL_MS, 0),
        (error: unknown) => {
          this.logger.warn(`alerting about new listings failed: ${error instanceof Error ? error.message : String(error)}`);
          this.schedule(Math.min(ALERT_MAX_BACKOFF_MS, ALERT_IDLE_POLL_MS * 2 ** (failures + 1)), failures + 1);
        },
      );
    }, delayMs);
  }

  private async stepNow(): Promise<number> {
    const checkpoint = await this.checkpoint();
    if (!checkpoint) {
      await this.startAtFeedHead();
      return 0;
    }
    const indexed = (await this.listings.index.stats()).checkpoint;
    if (indexed === null || BigInt(indexed) <= BigInt(checkpoint.seq)) return 0;
    const page = await this.feed.feed(checkpoint.seq, ALERT_FEED_PAGE);
    const events = page.events.filter((event) => BigInt(event.seq) <= BigInt(indexed));
    if (events.length === 0) return 0;

    const { alerts, alerted } = await this.alertsFor(events, checkpoint);
    const committed = await this.dataSource.transaction(async (manager) => {
      // Compare-and-set: if another replica has moved the checkpoint, its step covers these events.
      const moved = await manager.query<[unknown[], number]>(
        `UPDATE search.alert_checkpoints SET seq = $1, updated_at = now() WHERE name = $2 AND seq = $3`,
        [events[events.length - 1].seq, ALERT_CHECKPOINT, checkpoint.seq],
      );
      if (moved[1] !== 1) return false;
      if (alerts.length > 0) await manager.createQueryBuilder().insert().into(NotificationEntity).values(alerts).orIgnore().execute();
      if (alerted.length > 0) {
        await manager.query(`INSERT INTO search.alerted_listings (listing_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [alerted]);
      }
      return true;
    });
    if (committed && alerts.length > 0) this.logger.log(`${alerts.length} notifications about ${alerted.length} newly published listings`);
    return committed ? events.length : 0;
  }

  /** The alerts for the listings these events published for the first time. */
  private async alertsFor(events: readonly FeedEvent[], checkpoint: Checkpoint): Promise<{ alerts: PlannedAlert[]; alerted: string[] }> {
    const published = [...new Set(events.filter((event) => event.type === ListingEventType.UPSERTED).map((event) => event.aggregateId))];
    if (published.length === 0) return { alerts: [], alerted: [] };
    const done = new Set(
      (await this.dataSource.query<{ listing_id: string }[]>(`SELECT listing_id FROM search.alerted_listings WHERE listing_id = ANY($1)`, [published])).map(
        (row) => row.listing_id,
      ),
    );
    // The index's current document: a listing no longer public is not alerted about.
    const documents = await this.listings.index.get(published.filter((id) => !done.has(id)));
    const alerts: PlannedAlert[] = [];
    const alerted: string[] = [];
    for (const document of documents) {
      alerted.push(document.id);
      if (isHistory(document, checkpoint)) continue;
      alerts.push(...(await this.planner.plan(document)));
    }
    return { alerts, alerted };
  }

  private async checkpoint(): Promise<Checkpoint | null> {
    const rows = await this.dataSource.query<{ seq: string; started_at: Date }[]>(`SELECT seq::text AS seq, started_at FROM search.alert_checkpoints WHERE name = $1`, [
      ALERT_CHECKPOINT,
    ]);
    return rows[0] ? { seq: rows[0].seq, startedAt: rows[0].started_at } : null;
  }

  /** A fresh install alerts about what is published from now on, not about the listings already there. */
  private async startAtFeedHead(): Promise<void> {
    const { headSeq } = await this.feed.feed('0', 1);
    await this.dataSource.query(`INSERT INTO search.alert_checkpoints (name, seq) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [ALERT_CHECKPOINT, headSeq]);
    this.logger.log(`alerts start at feed position ${headSeq}`);
  }
}

function isHistory(document: IndexedListing, checkpoint: Checkpoint): boolean {
  return Date.parse(document.publishedAt) < checkpoint.startedAt.getTime();
}
