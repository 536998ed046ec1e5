import { conflict } from '@ttm/errors';
import { ListingEventType } from '@ttm/events';
import { ListingStatus } from './listing-status';

/**
 * The listing lifecycle, in one place:
 *
 *   DRAFT ──submit──▶ PENDING_REVIEW ──approve──▶ PUBLISHED
 *     ▲                 │      ▲                    │ │
 *     │              reject    └─────edit (owner)───┘ │
 *     │                 ▼                             │
 *   (edit keeps)     REJECTED ──submit──▶ PENDING_REVIEW
 *
 * reject also takes a PUBLISHED listing down; close ends any listing that is not already CLOSED.
 * An owner's edit of a PUBLISHED listing sends it back to review; a moderator's (admin's) edit keeps
 * it published. Every other edit keeps the status as it is.
 */
export type ListingAction = 'EDIT' | 'SUBMIT' | 'APPROVE' | 'REJECT' | 'CLOSE';

export interface TransitionOptions {
  /** The actor is an administrator (moderator); only matters for EDIT. */
  byModerator?: boolean;
}

const ACTION_VERBS: Record<ListingAction, string> = {
  EDIT: 'edit',
  SUBMIT: 'submit',
  APPROVE: 'approve',
  REJECT: 'reject',
  CLOSE: 'close',
};

const ALLOWED_FROM: Record<ListingAction, readonly ListingStatus[]> = {
  EDIT: [ListingStatus.DRAFT, ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED, ListingStatus.REJECTED],
  SUBMIT: [ListingStatus.DRAFT, ListingStatus.REJECTED],
  APPROVE: [ListingStatus.PENDING_REVIEW],
  REJECT: [ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED],
  CLOSE: [ListingStatus.DRAFT, ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED, ListingStatus.REJECTED],
};

export function canTransition(current: ListingStatus, action: ListingAction): boolean {
  return ALLOWED_FROM[action].includes(current);
}

/** The status after `action`, or CONFLICT naming the current status when the action is not allowed. */
export function nextStatus(current: ListingStatus, action: ListingAction, options: TransitionOptions = {}): ListingStatus {
  if (!canTransition(current, action)) {
    throw conflict(
      `Cannot ${ACTION_VERBS[action]} this listing: its status is ${current} ` +
        `(allowed only from ${ALLOWED_FROM[action].join(', ')})`,
      { status: current },
    );
  }
  switch (action) {
    case 'EDIT':
      return current === ListingStatus.PUBLISHED && !options.byModerator ? ListingStatus.PENDING_REVIEW : current;
    case 'SUBMIT':
      return ListingStatus.PENDING_REVIEW;
    case 'APPROVE':
      return ListingStatus.PUBLISHED;
    case 'REJECT':
      return ListingStatus.REJECTED;
    case 'CLOSE':
      return ListingStatus.CLOSED;
  }
}

/**
 * What the search index must learn from a change: the listing is (still) public → UPSERTED;
 * it just stopped being public → REMOVED; it was not public before or after → nothing.
 */
export function publicEventFor(before: ListingStatus | null, after: ListingStatus): ListingEventType | null {
  if (after === ListingStatus.PUBLISHED) return ListingEventType.UPSERTED;
  if (before === ListingStatus.PUBLISHED) return ListingEventType.REMOVED;
  return null;
}
