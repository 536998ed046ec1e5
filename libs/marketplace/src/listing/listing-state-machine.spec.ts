import { AppError, ErrorCode } from '@ttm/errors';
import { ListingEventType } from '@ttm/events';
import { canTransition, ListingAction, nextStatus, publicEventFor } from './listing-state-machine';
import { ListingStatus } from './listing-status';

const { DRAFT, PENDING_REVIEW, PUBLISHED, REJECTED, CLOSED } = ListingStatus;

function conflictOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a CONFLICT');
}

describe('listing state machine', () => {
  it.each<[ListingStatus, ListingAction, ListingStatus]>([
    [DRAFT, 'SUBMIT', PENDING_REVIEW],
    [REJECTED, 'SUBMIT', PENDING_REVIEW],
    [PENDING_REVIEW, 'APPROVE', PUBLISHED],
    [PENDING_REVIEW, 'REJECT', REJECTED],
    [PUBLISHED, 'REJECT', REJECTED],
    [DRAFT, 'CLOSE', CLOSED],
    [PENDING_REVIEW, 'CLOSE', CLOSED],
    [PUBLISHED, 'CLOSE', CLOSED],
    [REJECTED, 'CLOSE', CLOSED],
    [DRAFT, 'EDIT', DRAFT],
    [PENDING_REVIEW, 'EDIT', PENDING_REVIEW],
    [REJECTED, 'EDIT', REJECTED],
    [PUBLISHED, 'EDIT', PENDING_REVIEW],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('keeps a listing published when a moderator edits it', () => {
    expect(nextStatus(PUBLISHED, 'EDIT', { byModerator: true })).toBe(PUBLISHED);
    expect(nextStatus(DRAFT, 'EDIT', { byModerator: true })).toBe(DRAFT);
  });

  it.each<[ListingStatus, ListingAction]>([
    [DRAFT, 'APPROVE'],
    [DRAFT, 'REJECT'],
    [PENDING_REVIEW, 'SUBMIT'],
    [PUBLISHED, 'SUBMIT'],
    [PUBLISHED, 'APPROVE'],
    [REJECTED, 'APPROVE'],
    [REJECTED, 'REJECT'],
    [CLOSED, 'EDIT'],
    [CLOSED, 'SUBMIT'],
    [CLOSED, 'APPROVE'],
    [CLOSED, 'REJECT'],
    [CLOSED, 'CLOSE'],
  ])('refuses %s --%s--> with CONFLICT naming the current status', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    const error = conflictOf(() => nextStatus(from, action));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(error.message).toContain(`its status is ${from}`);
    expect(error.details).toEqual({ status: from });
  });

  it('covers every status × action pair', () => {
    const actions: ListingAction[] = ['EDIT', 'SUBMIT', 'APPROVE', 'REJECT', 'CLOSE'];
    for (const status of Object.values(ListingStatus)) {
      for (const action of actions) {
        if (canTransition(status, action)) expect(Object.values(ListingStatus)).toContain(nextStatus(status, action));
        else expect(() => nextStatus(status, action)).toThrow(AppError);
      }
    }
  });

  describe('what the search index learns', () => {
    it.each<[ListingStatus | null, ListingStatus, ListingEventType | null]>([
      [PENDING_REVIEW, PUBLISHED, ListingEventType.UPSERTED],
      [null, PUBLISHED, ListingEventType.UPSERTED],
      [PUBLISHED, PUBLISHED, ListingEventType.UPSERTED],
      [PUBLISHED, PENDING_REVIEW, ListingEventType.REMOVED],
      [PUBLISHED, REJECTED, ListingEventType.REMOVED],
      [PUBLISHED, CLOSED, ListingEventType.REMOVED],
      [null, DRAFT, null],
      [DRAFT, PENDING_REVIEW, null],
      [PENDING_REVIEW, REJECTED, null],
      [REJECTED, CLOSED, null],
    ])('%s → %s: %s', (before, after, event) => {
      expect(publicEventFor(before, after)).toBe(event);
    });
  });
});
