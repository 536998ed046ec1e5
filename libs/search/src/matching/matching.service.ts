import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ListingKind } from '@ttm/events';
import { badInput, notFound } from '@ttm/errors';
import type { IndexedListing } from '../index/indexed-listing';
import { ListingIndex } from '../index/listing-index.provider';
import { Match, Matcher } from './matcher';
import { matchingAnalyzer } from './match-text';
import { DEFAULT_MATCHES, MAX_MATCHES } from './match-weights';
import { ListingMatch } from './matching.model';

const LISTING_ID = /^[A-Za-z0-9_-]{1,511}$/;
const KIND_NAMES: Record<ListingKind, string> = { NEED: 'Need', RESULT: 'Result', EXPERT: 'Expert', CHALLENGE: 'Challenge' };

/**
 * Answers matchesForNeed / matchesForResult / expertsForNeed. The source listing is read from the
 * index, which holds published listings only: a draft, a rejected or an unpublished listing is
 * NOT_FOUND here, and every candidate is published by construction. The index has no contact details.
 */
@Injectable()
export class MatchingService implements OnModuleInit {
  private readonly matcher: Matcher;

  constructor(private readonly listings: ListingIndex) {
    this.matcher = new Matcher(listings.index);
  }

  /** Loads the jieba dictionary (≈ 1 s) at start-up rather than on the first request. */
  onModuleInit(): void {
    matchingAnalyzer();
  }

  /** The counterparts of an indexed listing, ranked as the queries rank them (alerts use this). */
  matchListing(source: IndexedListing, targetKind: ListingKind, first: number): Promise<Match[]> {
    return this.matcher.match(source, targetKind, first);
  }

  async matches(sourceId: string, sourceKind: ListingKind, targetKind: ListingKind, first: number | null | undefined): Promise<ListingMatch[]> {
    const limit = first ?? DEFAULT_MATCHES;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MATCHES) throw badInput(`first must be between 1 and ${MAX_MATCHES}`);
    if (!LISTING_ID.test(sourceId)) throw badInput(`${sourceId.slice(0, 40)} is not a listing id: pass the id of a published ${KIND_NAMES[sourceKind].toLowerCase()}`);
    const [source] = await this.listings.index.get([sourceId]);
    if (!source || source.kind !== sourceKind) throw notFound(KIND_NAMES[sourceKind], sourceId);
    const matches = await this.matcher.match(source, targetKind, limit);
    return matches.map((match) => ({
      kind: match.listing.kind,
      id: match.listing.id,
      score: Math.round(match.score * 1e4) / 1e4,
      reasons: match.reasons,
      node: { id: match.listing.id, kind: match.listing.kind },
    }));
  }
}
