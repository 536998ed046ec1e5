import { AppError, ErrorCode } from '@ttm/errors';
import { ListingStatus } from '../listing/listing-status';
import {
  assertCanApply,
  assertCanAward,
  assertCanCancel,
  assertCanReview,
  assertCanScore,
  ChallengeState,
  effectiveStage,
  isChallengeComplete,
  milestoneAmounts,
  nextApplicationStatus,
  nextMilestoneStatus,
} from './challenge-state-machine';
import { ApplicationStatus, ChallengeStage, MilestoneStatus } from './challenge-status';

const opens = new Date('2027-01-01T00:00:00Z');
const closes = new Date('2027-02-01T00:00:00Z');
const before = new Date('2026-12-31T00:00:00Z');
const during = new Date('2027-01-15T00:00:00Z');
const after = new Date('2027-02-02T00:00:00Z');

const challenge = (overrides: Partial<ChallengeState> = {}): ChallengeState => ({
  status: ListingStatus.PUBLISHED,
  stage: ChallengeStage.OPEN,
  applicationOpensAt: opens,
  applicationClosesAt: closes,
  maxWinners: 1,
  ...overrides,
});

function codeOf(run: () => unknown): ErrorCode | 'none' {
  try {
    run();
    return 'none';
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('challenge state machine', () => {
  it('reads the stored OPEN stage through the window', () => {
    const published = { ...challenge(), publishedAt: before };
    expect(effectiveStage(published, before)).toBe(ChallengeStage.UPCOMING);
    expect(effectiveStage(published, during)).toBe(ChallengeStage.OPEN);
    expect(effectiveStage(published, closes)).toBe(ChallengeStage.REVIEWING);
    expect(effectiveStage({ ...published, publishedAt: null }, during)).toBeNull();
    expect(effectiveStage({ ...published, stage: ChallengeStage.AWARDED }, during)).toBe(ChallengeStage.AWARDED);
  });

  it('lets researchers apply only while a published challenge is open', () => {
    expect(codeOf(() => assertCanApply(challenge(), during))).toBe('none');
    expect(codeOf(() => assertCanApply(challenge(), before))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanApply(challenge(), closes))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanApply(challenge(), after))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanApply(challenge({ status: ListingStatus.PENDING_REVIEW }), during))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanApply(challenge({ stage: ChallengeStage.CANCELLED }), during))).toBe(ErrorCode.CONFLICT);
    expect(() => assertCanApply(challenge(), after)).toThrow(/window closed at 2027-02-01T00:00:00.000Z/);
  });

  it('awards only after the window closes, up to maxWinners', () => {
    expect(codeOf(() => assertCanAward(challenge(), 0, after))).toBe('none');
    expect(codeOf(() => assertCanAward(challenge(), 0, during))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanAward(challenge({ stage: ChallengeStage.AWARDED }), 1, after))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanAward(challenge({ stage: ChallengeStage.AWARDED, maxWinners: 2 }), 1, after))).toBe('none');
    expect(codeOf(() => assertCanAward(challenge({ stage: ChallengeStage.AWARDED, maxWinners: 2 }), 2, after))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanAward(challenge({ stage: ChallengeStage.COMPLETED, maxWinners: 3 }), 1, after))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanAward(challenge({ status: ListingStatus.REJECTED }), 0, after))).toBe(ErrorCode.CONFLICT);
  });

  it('reviews while winners may still be chosen; cancels only before an award', () => {
    expect(codeOf(() => assertCanReview(challenge(), 'score'))).toBe('none');
    expect(codeOf(() => assertCanReview(challenge({ stage: ChallengeStage.COMPLETED }), 'score'))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanCancel(challenge()))).toBe('none');
    expect(codeOf(() => assertCanCancel(challenge({ status: ListingStatus.DRAFT })))).toBe('none');
    expect(codeOf(() => assertCanCancel(challenge({ stage: ChallengeStage.AWARDED })))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanCancel(challenge({ status: ListingStatus.CLOSED })))).toBe(ErrorCode.CONFLICT);
  });

  it('moves applications SUBMITTED → SHORTLISTED → AWARDED, or to REJECTED', () => {
    expect(nextApplicationStatus(ApplicationStatus.SUBMITTED, 'SHORTLIST')).toBe(ApplicationStatus.SHORTLISTED);
    expect(nextApplicationStatus(ApplicationStatus.SHORTLISTED, 'AWARD')).toBe(ApplicationStatus.AWARDED);
    expect(nextApplicationStatus(ApplicationStatus.SUBMITTED, 'REJECT')).toBe(ApplicationStatus.REJECTED);
    expect(nextApplicationStatus(ApplicationStatus.SHORTLISTED, 'REJECT')).toBe(ApplicationStatus.REJECTED);
    expect(() => nextApplicationStatus(ApplicationStatus.SUBMITTED, 'AWARD')).toThrow(/shortlist it first/);
    for (const status of [ApplicationStatus.AWARDED, ApplicationStatus.REJECTED]) {
      for (const action of ['SHORTLIST', 'REJECT', 'AWARD'] as const) {
        expect(codeOf(() => nextApplicationStatus(status, action))).toBe(ErrorCode.CONFLICT);
      }
    }
    expect(codeOf(() => nextApplicationStatus(ApplicationStatus.SHORTLISTED, 'SHORTLIST'))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => assertCanScore(ApplicationStatus.SHORTLISTED))).toBe('none');
    expect(codeOf(() => assertCanScore(ApplicationStatus.REJECTED))).toBe(ErrorCode.CONFLICT);
  });

  it('moves milestones strictly PENDING → SUBMITTED → ACCEPTED | REWORK_REQUESTED → SUBMITTED, in order, paying once', () => {
    const pending = { status: MilestoneStatus.PENDING, paidAt: null };
    const submitted = { status: MilestoneStatus.SUBMITTED, paidAt: null };
    const rework = { status: MilestoneStatus.REWORK_REQUESTED, paidAt: null };
    const accepted = { status: MilestoneStatus.ACCEPTED, paidAt: new Date('2027-03-01T00:00:00Z') };
    expect(nextMilestoneStatus(pending, 'SUBMIT', null)).toBe(MilestoneStatus.SUBMITTED);
    expect(nextMilestoneStatus(pending, 'SUBMIT', accepted)).toBe(MilestoneStatus.SUBMITTED);
    expect(() => nextMilestoneStatus(pending, 'SUBMIT', submitted)).toThrow(/the one before it is SUBMITTED/);
    expect(nextMilestoneStatus(submitted, 'ACCEPT', null)).toBe(MilestoneStatus.ACCEPTED);
    expect(nextMilestoneStatus(submitted, 'REQUEST_REWORK', null)).toBe(MilestoneStatus.REWORK_REQUESTED);
    expect(nextMilestoneStatus(rework, 'SUBMIT', null)).toBe(MilestoneStatus.SUBMITTED);
    expect(codeOf(() => nextMilestoneStatus(pending, 'ACCEPT', null))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => nextMilestoneStatus(rework, 'ACCEPT', null))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => nextMilestoneStatus(pending, 'REQUEST_REWORK', null))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => nextMilestoneStatus(accepted, 'SUBMIT', null))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => nextMilestoneStatus(accepted, 'REQUEST_REWORK', null))).toBe(ErrorCode.CONFLICT);
    expect(() => nextMilestoneStatus(accepted, 'ACCEPT', null)).toThrow(/already accepted and paid at 2027-03-01/);
    // Even a milestone wrongly left SUBMITTED with a payment is never paid twice.
    expect(codeOf(() => nextMilestoneStatus({ status: MilestoneStatus.SUBMITTED, paidAt: accepted.paidAt }, 'ACCEPT', null))).toBe(
      ErrorCode.CONFLICT,
    );
  });

  it('completes when every winner’s final milestone is accepted', () => {
    const accepted = { status: MilestoneStatus.ACCEPTED, paidAt: new Date() };
    expect(isChallengeComplete([])).toBe(false);
    expect(isChallengeComplete([accepted])).toBe(true);
    expect(isChallengeComplete([accepted, { status: MilestoneStatus.SUBMITTED, paidAt: null }])).toBe(false);
  });

  it('splits the awarded amount by share, exactly', () => {
    expect(milestoneAmounts(1_000_000, [30, 30, 40])).toEqual([300_000, 300_000, 400_000]);
    expect(milestoneAmounts(100, [33, 33, 34])).toEqual([33, 33, 34]);
    expect(milestoneAmounts(1001, [50, 50])).toEqual([500, 501]);
    const parts = milestoneAmounts(987_654, [17, 23, 29, 31]);
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(987_654);
  });
});
