import { AuthUser, isAdmin } from '@ttm/auth';
import type { ListingFacts } from '@ttm/events';
import { userRef } from '../user/user.model';
import { MatchEntity } from './match.entity';
import { MatchSide, MatchStatus } from './match-enums';
import { MatchPartyView, MatchView } from './match.model';

/**
 * Who sees what of a match — the one place these rules live:
 * - a match is visible to its broker, its two parties and administrators;
 * - contact details of a side are revealed once both sides accepted, to the parties, the broker and
 *   administrators (a side always sees its own), unless the listing was taken down meanwhile;
 * - an anonymous need's publisher (organisation, owner) is hidden from the counterpart until both accept;
 * - a decline reason goes to the broker, the side that gave it and administrators.
 */
export function canViewMatch(viewer: AuthUser, match: MatchEntity): boolean {
  return isAdmin(viewer) || viewer.id === match.brokerId || viewer.id === match.needOwnerId || viewer.id === match.counterpartOwnerId;
}

export function sideOf(viewer: AuthUser, match: MatchEntity): MatchSide | null {
  if (viewer.id === match.needOwnerId) return MatchSide.NEED;
  if (viewer.id === match.counterpartOwnerId) return MatchSide.COUNTERPART;
  return null;
}

export function toMatchView(match: MatchEntity, viewer: AuthUser): MatchView {
  const mySide = sideOf(viewer, match);
  const myResponse = mySide === MatchSide.NEED ? match.needResponse : mySide === MatchSide.COUNTERPART ? match.counterpartResponse : null;
  return Object.assign(new MatchView(), {
    id: match.id,
    status: match.status,
    note: match.note,
    broker: userRef(match.brokerId),
    counterpartKind: match.counterpartKind,
    industry: match.industry,
    proposedAt: match.proposedAt,
    acceptedAt: match.acceptedAt,
    declinedAt: match.declinedAt,
    version: match.version,
    mySide,
    awaitingMyResponse: mySide !== null && myResponse === null && match.status === MatchStatus.PROPOSED,
    record: match,
  });
}

export function toPartyView(match: MatchEntity, side: MatchSide, viewer: AuthUser, facts: ListingFacts | undefined): MatchPartyView {
  const isNeed = side === MatchSide.NEED;
  const ownerId = isNeed ? match.needOwnerId : match.counterpartOwnerId;
  const accepted = match.status === MatchStatus.ACCEPTED;
  const ownSide = viewer.id === ownerId;
  const insider = ownSide || isAdmin(viewer) || viewer.id === match.brokerId;
  const publisherHidden = isNeed && match.needAnonymous && !accepted && !insider;
  // A listing an administrator took down (or sent back to draft) never shows its contact to others.
  const listingLive = facts?.status === 'PUBLISHED' || facts?.status === 'CLOSED';
  const contactShown = ownSide || (accepted && listingLive && canViewMatch(viewer, match));
  const response = isNeed ? match.needResponse : match.counterpartResponse;
  const declineCode = isNeed ? match.needDeclineCode : match.counterpartDeclineCode;
  return Object.assign(new MatchPartyView(), {
    side,
    listingId: isNeed ? match.needId : match.counterpartId,
    listingKind: isNeed ? 'NEED' : match.counterpartKind,
    title: facts?.title ?? null,
    organizationName: publisherHidden ? null : (facts?.organizationName ?? null),
    owner: publisherHidden ? null : userRef(ownerId),
    contact: contactShown && facts ? { ...facts.contact } : null,
    response,
    respondedAt: isNeed ? match.needRespondedAt : match.counterpartRespondedAt,
    declineReason:
      declineCode && insider ? { code: declineCode, text: (isNeed ? match.needDeclineText : match.counterpartDeclineText) ?? null } : null,
  });
}
