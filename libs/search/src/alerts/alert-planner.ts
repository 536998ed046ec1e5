import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListingKind } from '@ttm/events';
import { F, SearchRequest } from '@ttm/search-engine';
import { DataSource } from 'typeorm';
import type { IndexedListing } from '../index/indexed-listing';
import { ListingIndex } from '../index/listing-index.provider';
import { MatchingService } from '../matching/matching.service';
import { buildFilter } from '../search/search-request';
import { alertText } from './alert-messages';
import { ALERT_MATCHES_PER_KIND, ALERT_MIN_SCORE, SAVED_SEARCH_BATCH } from './alert-rules';
import { NotificationKind } from './notification.entity';
import { SavedSearchEntity } from './saved-search.entity';

/** A notification about to be stored. */
export interface PlannedAlert {
  recipientId: string;
  kind: NotificationKind;
  listingId: string;
  listingKind: ListingKind;
  matchedListingId: string | null;
  matchedListingKind: ListingKind | null;
  savedSearchId: string | null;
  title: string;
  message: string;
  score: number | null;
  reasons: string[];
}

/** Whose listings a new listing of each kind is matched against (a new need → results and experts). */
const COUNTERPARTS: Partial<Record<ListingKind, ListingKind[]>> = { NEED: ['RESULT', 'EXPERT'], RESULT: ['NEED'] };

/**
 * Decides who hears of a newly published listing, one alert per person: owners of the best-matching
 * counterpart listings first (with the match's score and reasons), then owners of saved searches the
 * listing is a hit of, then brokers following its industry. The author is never alerted. Everything
 * is read from the listing index, so only published listings are ever matched or mentioned.
 */
@Injectable()
export class AlertPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listings: ListingIndex,
    private readonly matching: MatchingService,
  ) {}

  async plan(listing: IndexedListing): Promise<PlannedAlert[]> {
    const alerts = new Map<string, PlannedAlert>();
    const offer = (recipientId: string, kind: NotificationKind, details: Partial<PlannedAlert> & { title: string; message: string }) => {
      if (recipientId === listing.ownerId || alerts.has(recipientId)) return;
      alerts.set(recipientId, {
        recipientId,
        kind,
        listingId: listing.id,
        listingKind: listing.kind,
        matchedListingId: null,
        matchedListingKind: null,
        savedSearchId: null,
        score: null,
        reasons: [],
        ...details,
      });
    };

    for (const target of COUNTERPARTS[listing.kind] ?? []) {
      const matches = await this.matching.matchListing(listing, target, ALERT_MATCHES_PER_KIND);
      for (const match of matches) {
        if (match.score < ALERT_MIN_SCORE) break;
        const score = Math.round(match.score * 1e4) / 1e4;
        offer(match.listing.ownerId, NotificationKind.MATCHING_LISTING, {
          ...alertText(NotificationKind.MATCHING_LISTING, listing, { matched: match.listing, score }),
          matchedListingId: match.listing.id,
          matchedListingKind: match.listing.kind,
          score,
          reasons: match.reasons,
        });
      }
    }

    for (const saved of await this.savedSearchHits(listing, alerts)) {
      offer(saved.userId, NotificationKind.SAVED_SEARCH, { ...alertText(NotificationKind.SAVED_SEARCH, listing, { savedSearchName: saved.name }), savedSearchId: saved.id });
    }

    const follows = await this.dataSource.query<{ user_id: string; industry: string }[]>(
      `SELECT user_id, industry FROM search.industry_follows WHERE industry = ANY($1) ORDER BY user_id, industry`,
      [listing.industryPath],
    );
    for (const follow of follows) {
      offer(follow.user_id, NotificationKind.FOLLOWED_INDUSTRY, alertText(NotificationKind.FOLLOWED_INDUSTRY, listing, { industry: follow.industry }));
    }
    return [...alerts.values()];
  }

  /**
   * The saved searches (of people not alerted yet) the listing is a hit of: each search runs as
   * saved, narrowed to this one document by id, so both engines decide exactly as `search` would.
   */
  private async savedSearchHits(listing: IndexedListing, alreadyAlerted: ReadonlyMap<string, unknown>): Promise<SavedSearchEntity[]> {
    const candidates = (
      await this.dataSource
        .getRepository(SavedSearchEntity)
        .createQueryBuilder('saved')
        .where('saved.userId <> :owner', { owner: listing.ownerId })
        .andWhere('(cardinality(saved.kinds) = 0 OR :kind = ANY(saved.kinds))', { kind: listing.kind })
        .orderBy('saved.createdAt', 'ASC')
        .addOrderBy('saved.id', 'ASC')
        .getMany()
    ).filter((saved) => !alreadyAlerted.has(saved.userId));
    const hits: SavedSearchEntity[] = [];
    for (let start = 0; start < candidates.length; start += SAVED_SEARCH_BATCH) {
      const batch = candidates.slice(start, start + SAVED_SEARCH_BATCH);
      const requests: SearchRequest[] = batch.map((saved) => {
        const filter = buildFilter(saved.kinds, saved.filters);
        const onlyThis = F.eq('id', listing.id);
        return { query: saved.query ?? undefined, filter: filter ? F.and(filter, onlyThis) : onlyThis, limit: 1 };
      });
      const responses = await this.listings.index.searchMany(requests);
      batch.forEach((saved, i) => {
        if (responses[i].hits.length > 0) hits.push(saved);
      });
    }
    return hits;
  }
}
