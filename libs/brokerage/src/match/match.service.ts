import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '@ttm/auth';
import { clock } from '@ttm/clock';
import { inTransaction } from '@ttm/database';
import type { ListingFacts } from '@ttm/events';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, toConnection } from '@ttm/graphql';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { BrokerageErrors } from '../brokerage.errors';
import { openDealForMatch } from '../deal/open-deal';
import { LISTING_DIRECTORY, ListingDirectory } from '../listings/listing-directory';
import { CounterpartKind, DeclineReasonCode, MatchResponse, MatchSide, MatchStatus } from './match-enums';
import { IntroductionEntity, MatchEntity } from './match.entity';
import { takeOutcomePosition } from './match-outcome-order';
import { MatchListArgs, ProposeMatchInput, RespondToMatchInput } from './match.inputs';
import { canViewMatch } from './match-visibility';

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

function requirePublished(field: string, id: string, facts: ListingFacts | undefined): ListingFacts {
  if (!facts) throw BrokerageErrors.listingNotFound(field, id);
  if (facts.status !== 'PUBLISHED' || !facts.publishedAt) throw BrokerageErrors.notPublished(field, id, facts.status);
  return facts;
}

/** Proposals, answers and the inboxes of matches. */
@Injectable()
export class MatchService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(LISTING_DIRECTORY) private readonly listings: ListingDirectory,
  ) {}

  /** A broker pairs a published need with a published result or expert profile. */
  async propose(broker: AuthUser, input: ProposeMatchInput, now = clock.now()): Promise<MatchEntity> {
    const needId = input.needId.toLowerCase();
    const counterpartId = input.counterpartId.toLowerCase();
    const facts = await this.listings.facts([needId, counterpartId]);
    const need = requirePublished('needId', needId, facts.get(needId));
    if (need.kind !== 'NEED') throw BrokerageErrors.notANeed(needId, need.kind);
    const counterpart = requirePublished('counterpartId', counterpartId, facts.get(counterpartId));
    if (counterpart.kind !== 'RESULT' && counterpart.kind !== 'EXPERT') throw BrokerageErrors.notACounterpart(counterpartId, counterpart.kind);
    if (need.ownerId === counterpart.ownerId) throw BrokerageErrors.sameOwner();
    if (broker.id === need.ownerId || broker.id === counterpart.ownerId) throw BrokerageErrors.brokerIsParty();

    const match = Object.assign(new MatchEntity(), {
      id: randomUUID(),
      brokerId: broker.id,
      note: input.note.trim(),
      needId,
      needOwnerId: need.ownerId,
      needAnonymous: need.anonymous,
      needPublishedAt: new Date(need.publishedAt as string),
      counterpartKind: counterpart.kind === 'RESULT' ? CounterpartKind.RESULT : CounterpartKind.EXPERT,
      counterpartId,
      counterpartOwnerId: counterpart.ownerId,
      industry: need.industry,
      status: MatchStatus.PROPOSED,
      needResponse: null,
      needRespondedAt: null,
      needDeclineCode: null,
      needDeclineText: null,
      counterpartResponse: null,
      counterpartRespondedAt: null,
      counterpartDeclineCode: null,
      counterpartDeclineText: null,
      proposedAt: now,
      acceptedAt: null,
      declinedAt: null,
      outcomeSeq: null,
      version: 1,
    });
    const live = () =>
      this.dataSource
        .getRepository(MatchEntity)
        .createQueryBuilder('match')
        .where('match.needId = :needId AND match.counterpartId = :counterpartId AND match.status <> :declined', {
          needId,
          counterpartId,
          declined: MatchStatus.DECLINED,
        })
        .getOne();
    const existing = await live();
    if (existing) throw BrokerageErrors.alreadyProposed(existing.id, existing.status);
    try {
      await this.dataSource.getRepository(MatchEntity).insert(match);
    } catch (error) {
      // Two brokers proposing the same pair at once: the unique index lets one through.
      if (!isUniqueViolation(error)) throw error;
      const winner = await live();
      throw BrokerageErrors.alreadyProposed(winner?.id ?? 'unknown', winner?.status ?? MatchStatus.PROPOSED);
    }
    return match;
  }

  /**
   * A party accepts or declines for the side they own. The second acceptance records the introduction
   * and opens the deal in the same transaction; the row lock makes simultaneous answers queue up.
   */
  async respond(user: AuthUser, input: RespondToMatchInput, now = clock.now()): Promise<MatchEntity> {
    const reason = input.declineReason ?? null;
    if (input.accept && reason) throw BrokerageErrors.declineReasonOnAccept();
    if (!input.accept && !reason) throw BrokerageErrors.declineReasonMissing();
    const reasonText = reason?.text?.trim() || null;
    if (reason?.code === DeclineReasonCode.OTHER && !reasonText) throw BrokerageErrors.declineTextMissing();

    // The listings' status is asked before the transaction: a call to another service must not wait
    // inside a row lock (the embedded PostgreSQL runs one transaction at a time, so the marketplace could
    // not answer until this one ended). It is applied after the permission and state checks below.
    const listings = input.accept ? await this.listingFactsOf(input.matchId) : null;
    return inTransaction(this.dataSource, async (manager) => {
      const match = await this.lockMatch(manager, input.matchId, user);
      const side = this.answeringSide(user, match, input.side ?? null);
      if (match.status !== MatchStatus.PROPOSED) throw BrokerageErrors.matchClosed(match.status, match.version);
      const previous = side === MatchSide.NEED ? match.needResponse : match.counterpartResponse;
      if (previous) throw BrokerageErrors.alreadyAnswered(side, previous);
      if (listings) requireStillPublished(match, listings);

      const response = input.accept ? MatchResponse.ACCEPTED : MatchResponse.DECLINED;
      if (side === MatchSide.NEED) {
        Object.assign(match, { needResponse: response, needRespondedAt: now, needDeclineCode: reason?.code ?? null, needDeclineText: reason ? reasonText : null });
      } else {
        Object.assign(match, {
          counterpartResponse: response,
          counterpartRespondedAt: now,
          counterpartDeclineCode: reason?.code ?? null,
          counterpartDeclineText: reason ? reasonText : null,
        });
      }
      if (!input.accept) {
        match.status = MatchStatus.DECLINED;
        match.declinedAt = now;
      } else if (match.needResponse === MatchResponse.ACCEPTED && match.counterpartResponse === MatchResponse.ACCEPTED) {
        match.status = MatchStatus.ACCEPTED;
        match.acceptedAt = now;
      }
      await takeOutcomePosition(manager, match);
      const saved = await manager.save(MatchEntity, match);
      if (saved.status === MatchStatus.ACCEPTED) await openDealForMatch(manager, saved, user.id, now);
      return saved;
    });
  }

  async get(viewer: AuthUser, id: string): Promise<MatchEntity> {
    const match = await this.dataSource.getRepository(MatchEntity).findOneBy({ id: id.toLowerCase() });
    if (!match || !canViewMatch(viewer, match)) throw BrokerageErrors.matchNotFound(id);
    return match;
  }

  introduction(matchId: string): Promise<IntroductionEntity | null> {
    return this.dataSource.getRepository(IntroductionEntity).findOneBy({ matchId });
  }

  /** The viewer's inbox: matches where they answer for a side, newest first. */
  mine(viewer: AuthUser, args: MatchListArgs): Promise<Connection<MatchEntity>> {
    return this.page(args, (query) => {
      query.andWhere('(match.needOwnerId = :me OR match.counterpartOwnerId = :me)', { me: viewer.id });
      if (args.awaitingMyResponse === true) {
        query.andWhere(
          `match.status = 'PROPOSED' AND ((match.needOwnerId = :me AND match.needResponse IS NULL) OR (match.counterpartOwnerId = :me AND match.counterpartResponse IS NULL))`,
        );
      }
    });
  }

  /** A broker's desk: the matches they proposed (administrators: every match). */
  proposed(viewer: AuthUser, args: MatchListArgs, brokerId?: string): Promise<Connection<MatchEntity>> {
    return this.page(args, (query) => {
      if (!isAdmin(viewer)) query.andWhere('match.brokerId = :me', { me: viewer.id });
      else if (brokerId) query.andWhere('match.brokerId = :brokerId', { brokerId });
    });
  }

  private async page(args: MatchListArgs, scope: (query: ReturnType<MatchService['query']>) => void): Promise<Connection<MatchEntity>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const query = this.query();
    scope(query);
    if (args.status) query.andWhere('match.status = :status', { status: args.status });
    const totalCount = await query.clone().getCount();
    if (args.after) {
      const cursor = decodeCursor(args.after);
      query.andWhere('(match.proposedAt, match.id) < (:at, :id)', { at: new Date(String(cursor.sortValue)), id: cursor.id });
    }
    const rows = await query.orderBy('match.proposedAt', 'DESC').addOrderBy('match.id', 'DESC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => ({ sortValue: row.proposedAt.toISOString(), id: row.id }));
  }

  private query() {
    return this.dataSource.getRepository(MatchEntity).createQueryBuilder('match');
  }

  private async lockMatch(manager: EntityManager, id: string, viewer: AuthUser): Promise<MatchEntity> {
    const match = await manager
      .getRepository(MatchEntity)
      .createQueryBuilder('match')
      .setLock('pessimistic_write')
      .where('match.id = :id', { id: id.toLowerCase() })
      .getOne();
    if (!match || !canViewMatch(viewer, match)) throw BrokerageErrors.matchNotFound(id);
    return match;
  }

  /** The marketplace's facts about a match's two listings (none for an unknown match: the lock reports it). */
  private async listingFactsOf(matchId: string): Promise<ReadonlyMap<string, ListingFacts>> {
    const match = await this.dataSource.getRepository(MatchEntity).findOneBy({ id: matchId.toLowerCase() });
    return match ? this.listings.facts([match.needId, match.counterpartId]) : new Map();
  }

  private answeringSide(user: AuthUser, match: MatchEntity, requested: MatchSide | null): MatchSide {
    const owns = (side: MatchSide) => (side === MatchSide.NEED ? match.needOwnerId : match.counterpartOwnerId) === user.id;
    if (requested) {
      if (!owns(requested)) throw BrokerageErrors.notYourSide(requested);
      return requested;
    }
    if (owns(MatchSide.NEED)) return MatchSide.NEED;
    if (owns(MatchSide.COUNTERPART)) return MatchSide.COUNTERPART;
    throw BrokerageErrors.notAParty();
  }
}

/** Accepting a match whose need or counterpart was taken down or closed since the proposal is refused. */
function requireStillPublished(match: MatchEntity, listings: ReadonlyMap<string, ListingFacts>): void {
  for (const id of [match.needId, match.counterpartId]) {
    const status = listings.get(id)?.status ?? 'REMOVED';
    if (status !== 'PUBLISHED') throw BrokerageErrors.listingGone(id, status);
  }
}
