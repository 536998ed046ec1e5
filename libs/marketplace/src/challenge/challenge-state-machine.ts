import { clock } from '@ttm/clock';
import { conflict } from '@ttm/errors';
import { ListingStatus } from '../listing/listing-status';
import { ApplicationStatus, ChallengeStage, MilestoneStatus, StoredChallengeStage } from './challenge-status';

/**
 * The 揭榜挂帅 rules after moderation, in one place and free of I/O:
 *
 *   challenge (once PUBLISHED):  OPEN ──award──▶ AWARDED ──last final milestone accepted──▶ COMPLETED
 *                                  └──cancel (no award yet)──▶ CANCELLED
 *     OPEN reads UPCOMING before applicationOpensAt and REVIEWING from applicationClosesAt on.
 *   application:  SUBMITTED ──shortlist──▶ SHORTLISTED ──award──▶ AWARDED
 *                 SUBMITTED / SHORTLISTED ──reject──▶ REJECTED
 *   milestone:    PENDING ──submit──▶ SUBMITTED ──accept (pays once)──▶ ACCEPTED
 *                                        └──request rework──▶ REWORK_REQUESTED ──submit──▶ SUBMITTED …
 *     milestones are delivered in order: one can be submitted once the one before it is accepted.
 *
 * Every refusal is a CONFLICT that names the current state.
 */
export interface ChallengeState {
  status: ListingStatus;
  stage: StoredChallengeStage;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  maxWinners: number;
}

/** The stage as people see it at `now`; null while the challenge is not published (and never was). */
export function effectiveStage(challenge: ChallengeState & { publishedAt: Date | null }, now: Date = clock.now()): ChallengeStage | null {
  if (challenge.stage !== ChallengeStage.OPEN) return challenge.stage;
  if (!challenge.publishedAt) return null;
  if (now < challenge.applicationOpensAt) return ChallengeStage.UPCOMING;
  if (now >= challenge.applicationClosesAt) return ChallengeStage.REVIEWING;
  return ChallengeStage.OPEN;
}

const stamp = (date: Date): string => date.toISOString();

function requirePublished(challenge: ChallengeState, verb: string): void {
  if (challenge.status !== ListingStatus.PUBLISHED) {
    throw conflict(`Cannot ${verb}: the challenge is ${challenge.status}, not PUBLISHED`, { status: challenge.status });
  }
}

/** Researchers apply only while a published challenge's window is open. */
export function assertCanApply(challenge: ChallengeState, now: Date = clock.now()): void {
  requirePublished(challenge, 'apply');
  if (challenge.stage !== ChallengeStage.OPEN) {
    throw conflict(`Cannot apply: the challenge is ${challenge.stage}`, { stage: challenge.stage });
  }
  if (now < challenge.applicationOpensAt) {
    throw conflict(`Cannot apply yet: applications open at ${stamp(challenge.applicationOpensAt)}`, { stage: ChallengeStage.UPCOMING });
  }
  if (now >= challenge.applicationClosesAt) {
    throw conflict(`Cannot apply: the application window closed at ${stamp(challenge.applicationClosesAt)}`, {
      stage: ChallengeStage.REVIEWING,
    });
  }
}

/** Scoring, shortlisting and rejecting: while winners may still be chosen. */
export function assertCanReview(challenge: ChallengeState, verb: string): void {
  requirePublished(challenge, verb);
  if (challenge.stage !== ChallengeStage.OPEN && challenge.stage !== ChallengeStage.AWARDED) {
    throw conflict(`Cannot ${verb}: the challenge is ${challenge.stage}`, { stage: challenge.stage });
  }
}

/** Awarding one more winner, given how many the challenge already has. */
export function assertCanAward(challenge: ChallengeState, awardedSoFar: number, now: Date = clock.now()): void {
  requirePublished(challenge, 'award');
  if (challenge.stage !== ChallengeStage.OPEN && challenge.stage !== ChallengeStage.AWARDED) {
    throw conflict(`Cannot award: the challenge is ${challenge.stage}`, { stage: challenge.stage });
  }
  if (now < challenge.applicationClosesAt) {
    throw conflict(`Cannot award before the application window closes at ${stamp(challenge.applicationClosesAt)}`, {
      stage: effectiveStage({ ...challenge, publishedAt: now }, now),
    });
  }
  if (awardedSoFar >= challenge.maxWinners) {
    throw conflict(
      challenge.maxWinners === 1
        ? 'Cannot award: the challenge has already been awarded (it allows one winner)'
        : `Cannot award: the challenge already has its ${challenge.maxWinners} winners`,
      { stage: challenge.stage, awarded: awardedSoFar, maxWinners: challenge.maxWinners },
    );
  }
}

/** Cancelling: only before anyone is awarded. */
export function assertCanCancel(challenge: ChallengeState): void {
  if (challenge.stage !== ChallengeStage.OPEN) {
    throw conflict(`Cannot cancel: the challenge is ${challenge.stage} (only before any award)`, { stage: challenge.stage });
  }
  if (challenge.status === ListingStatus.CLOSED) throw conflict('Cannot cancel: the challenge is already CLOSED', { status: challenge.status });
}

export type ApplicationAction = 'SHORTLIST' | 'REJECT' | 'AWARD';

const APPLICATION_FROM: Record<ApplicationAction, readonly ApplicationStatus[]> = {
  SHORTLIST: [ApplicationStatus.SUBMITTED],
  REJECT: [ApplicationStatus.SUBMITTED, ApplicationStatus.SHORTLISTED],
  AWARD: [ApplicationStatus.SHORTLISTED],
};

const APPLICATION_TO: Record<ApplicationAction, ApplicationStatus> = {
  SHORTLIST: ApplicationStatus.SHORTLISTED,
  REJECT: ApplicationStatus.REJECTED,
  AWARD: ApplicationStatus.AWARDED,
};

export function nextApplicationStatus(current: ApplicationStatus, action: ApplicationAction): ApplicationStatus {
  if (!APPLICATION_FROM[action].includes(current)) {
    const hint = action === 'AWARD' && current === ApplicationStatus.SUBMITTED ? ': shortlist it first' : '';
    throw conflict(
      `Cannot ${action.toLowerCase()} this application: its status is ${current} (allowed only from ${APPLICATION_FROM[action].join(', ')})${hint}`,
      { status: current },
    );
  }
  return APPLICATION_TO[action];
}

/** Score sheets are for applications still in the running. */
export function assertCanScore(status: ApplicationStatus): void {
  if (status !== ApplicationStatus.SUBMITTED && status !== ApplicationStatus.SHORTLISTED) {
    throw conflict(`Cannot score this application: its status is ${status}`, { status });
  }
}

export type MilestoneAction = 'SUBMIT' | 'ACCEPT' | 'REQUEST_REWORK';

const MILESTONE_FROM: Record<MilestoneAction, readonly MilestoneStatus[]> = {
  SUBMIT: [MilestoneStatus.PENDING, MilestoneStatus.REWORK_REQUESTED],
  ACCEPT: [MilestoneStatus.SUBMITTED],
  REQUEST_REWORK: [MilestoneStatus.SUBMITTED],
};

const MILESTONE_TO: Record<MilestoneAction, MilestoneStatus> = {
  SUBMIT: MilestoneStatus.SUBMITTED,
  ACCEPT: MilestoneStatus.ACCEPTED,
  REQUEST_REWORK: MilestoneStatus.REWORK_REQUESTED,
};

const MILESTONE_VERBS: Record<MilestoneAction, string> = { SUBMIT: 'submit', ACCEPT: 'accept', REQUEST_REWORK: 'request rework on' };

export interface MilestoneState {
  status: MilestoneStatus;
  paidAt: Date | null;
}

/**
 * The milestone's next status. `previous` is the milestone before it (null for the first):
 * it must be accepted before this one is submitted. Accepting pays, so a paid milestone is never accepted again.
 */
export function nextMilestoneStatus(milestone: MilestoneState, action: MilestoneAction, previous: MilestoneState | null): MilestoneStatus {
  if (action === 'ACCEPT' && milestone.paidAt) {
    throw conflict(`Cannot accept this milestone: it was already accepted and paid at ${stamp(milestone.paidAt)}`, {
      status: milestone.status,
      paidAt: stamp(milestone.paidAt),
    });
  }
  if (!MILESTONE_FROM[action].includes(milestone.status)) {
    throw conflict(
      `Cannot ${MILESTONE_VERBS[action]} this milestone: its status is ${milestone.status} (allowed only from ${MILESTONE_FROM[action].join(', ')})`,
      { status: milestone.status },
    );
  }
  if (action === 'SUBMIT' && previous && previous.status !== MilestoneStatus.ACCEPTED) {
    throw conflict(`Cannot submit this milestone yet: the one before it is ${previous.status}, not ACCEPTED`, { previousStatus: previous.status });
  }
  return MILESTONE_TO[action];
}

/** The challenge completes when every winner's final milestone is accepted. */
export function isChallengeComplete(finalMilestonesOfWinners: readonly MilestoneState[]): boolean {
  return finalMilestonesOfWinners.length > 0 && finalMilestonesOfWinners.every((milestone) => milestone.status === MilestoneStatus.ACCEPTED);
}

/**
 * What each milestone pays out of the awarded amount (the winner's quote), in whole CNY: its share,
 * rounded down, with the rounding remainder on the final milestone so the parts add up exactly.
 */
export function milestoneAmounts(total: number, sharePercents: readonly number[]): number[] {
  const amounts = sharePercents.map((share) => Math.floor((total * share) / 100));
  const remainder = total - amounts.reduce((sum, amount) => sum + amount, 0);
  if (amounts.length > 0) amounts[amounts.length - 1] += remainder;
  return amounts;
}
