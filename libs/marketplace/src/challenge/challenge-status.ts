import { registerEnumType } from '@nestjs/graphql';

/**
 * Where a published challenge is after moderation. Stored: OPEN, AWARDED, COMPLETED, CANCELLED;
 * UPCOMING and REVIEWING are OPEN seen through the application window (see `effectiveStage`).
 */
export enum ChallengeStage {
  UPCOMING = 'UPCOMING',
  OPEN = 'OPEN',
  REVIEWING = 'REVIEWING',
  AWARDED = 'AWARDED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** What the `stage` column may hold. */
export type StoredChallengeStage = ChallengeStage.OPEN | ChallengeStage.AWARDED | ChallengeStage.COMPLETED | ChallengeStage.CANCELLED;

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  SHORTLISTED = 'SHORTLISTED',
  AWARDED = 'AWARDED',
  REJECTED = 'REJECTED',
}

export enum MilestoneStatus {
  PENDING = 'PENDING',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REWORK_REQUESTED = 'REWORK_REQUESTED',
}

registerEnumType(ChallengeStage, {
  name: 'ChallengeStage',
  description: '揭榜挂帅 stage of a published challenge',
  valuesMap: {
    UPCOMING: { description: '未开始 — the application window has not opened yet' },
    OPEN: { description: '揭榜中 — the application window is open' },
    REVIEWING: { description: '评审中 — the window has closed; the publisher reviews applications' },
    AWARDED: { description: '已揭榜 — awarded; the winners deliver against milestones' },
    COMPLETED: { description: '已完成 — every winner’s final milestone is accepted' },
    CANCELLED: { description: '已撤榜 — cancelled by the publisher before any award' },
  },
});

registerEnumType(ApplicationStatus, {
  name: 'ChallengeApplicationStatus',
  valuesMap: {
    SUBMITTED: { description: '已提交' },
    SHORTLISTED: { description: '入围' },
    AWARDED: { description: '揭榜成功 — works on milestones' },
    REJECTED: { description: '未入选' },
  },
});

registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  valuesMap: {
    PENDING: { description: '未开始' },
    SUBMITTED: { description: '已提交成果，待验收' },
    ACCEPTED: { description: '已验收 — its share of the bounty is paid (paidAt)' },
    REWORK_REQUESTED: { description: '需整改 — submit again' },
  },
});
