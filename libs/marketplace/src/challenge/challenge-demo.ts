import { chinaDate, clock } from '@ttm/clock';
import { challengeMilestoneId, DEMO_CHALLENGES, DemoChallenge, DemoChallengeApplication } from '@ttm/demo';
import { EntityManager } from 'typeorm';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { ListingStatus } from '../listing/listing-status';
import { ChallengeApplicationEntity, ChallengeEntity, ChallengeMilestoneEntity, ChallengeScoreEntity } from './challenge.entity';
import { milestoneAmounts } from './challenge-state-machine';
import { ApplicationStatus, ChallengeStage, MilestoneStatus, StoredChallengeStage } from './challenge-status';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoChallengeRows {
  challenges: ChallengeEntity[];
  applications: ChallengeApplicationEntity[];
  scores: ChallengeScoreEntity[];
  milestones: ChallengeMilestoneEntity[];
}

const STORED_STAGE: Record<DemoChallenge['stage'], StoredChallengeStage> = {
  OPEN: ChallengeStage.OPEN,
  REVIEWING: ChallengeStage.OPEN,
  AWARDED: ChallengeStage.AWARDED,
};

const daysFrom = (now: Date, days: number): Date => new Date(now.getTime() + days * DAY_MS);
/** The date in China `days` from `now` (milestone due dates are China dates). */
const dateFrom = (now: Date, days: number): string => chinaDate(daysFrom(now, days));

function challengeRow(demo: DemoChallenge, now: Date): ChallengeEntity {
  const opensAt = daysFrom(now, demo.opensInDays);
  return Object.assign(new ChallengeEntity(), {
    id: demo.id,
    ownerId: demo.ownerId,
    title: demo.title,
    description: demo.description,
    industry: demo.industry,
    keywords: [...demo.keywords],
    regionCode: demo.regionCode,
    contact: { ...demo.contact },
    organizationName: demo.organizationName,
    indicators: demo.indicators.map((indicator) => ({ ...indicator })),
    bounty: demo.bounty,
    eligibility: demo.eligibility,
    applicationOpensAt: opensAt,
    applicationClosesAt: daysFrom(now, demo.closesInDays),
    deliveryMonths: demo.deliveryMonths,
    allowsMultipleWinners: demo.allowsMultipleWinners,
    maxWinners: demo.maxWinners,
    stage: STORED_STAGE[demo.stage],
    status: ListingStatus.PUBLISHED,
    rejectionReason: null,
    createdAt: daysFrom(opensAt, -3),
    submittedAt: daysFrom(opensAt, -2),
    publishedAt: daysFrom(opensAt, -1),
  });
}

function milestoneRows(application: DemoChallengeApplication, now: Date, firstMilestoneNumber: number): ChallengeMilestoneEntity[] {
  const amounts = milestoneAmounts(application.quote, application.plan.map((planned) => planned.sharePercent));
  return application.plan.map((planned, index) => {
    const progress = application.milestones[index];
    const acceptedAt = progress?.acceptedDaysAgo != null ? daysFrom(now, -progress.acceptedDaysAgo) : null;
    return Object.assign(new ChallengeMilestoneEntity(), {
      id: challengeMilestoneId(firstMilestoneNumber + index),
      applicationId: application.id,
      sequence: index + 1,
      title: planned.title,
      deliverable: planned.deliverable,
      dueDate: dateFrom(now, planned.dueInDays),
      sharePercent: planned.sharePercent,
      amount: amounts[index],
      status: (progress?.status ?? MilestoneStatus.PENDING) as MilestoneStatus,
      submission: progress?.submission ?? null,
      submittedAt: progress?.submittedDaysAgo != null ? daysFrom(now, -progress.submittedDaysAgo) : null,
      reworkNote: null,
      acceptedAt,
      paidAt: acceptedAt,
    });
  });
}

/** The demo challenges as rows, with times relative to `now`. */
export function demoChallengeRows(now: Date = clock.now()): DemoChallengeRows {
  const rows: DemoChallengeRows = { challenges: [], applications: [], scores: [], milestones: [] };
  let milestoneNumber = 1;
  for (const demo of DEMO_CHALLENGES) {
    const challenge = challengeRow(demo, now);
    rows.challenges.push(challenge);
    for (const application of demo.applications) {
      const appliedAt = daysFrom(now, -application.appliedDaysAgo);
      const awarded = application.status === 'AWARDED';
      rows.applications.push(
        Object.assign(new ChallengeApplicationEntity(), {
          id: application.id,
          challengeId: demo.id,
          applicantId: application.applicantId,
          teamName: application.teamName,
          members: application.members.map((member) => ({ ...member })),
          technicalRoute: application.technicalRoute,
          plan: application.plan.map((planned) => ({
            title: planned.title,
            deliverable: planned.deliverable,
            dueDate: dateFrom(now, planned.dueInDays),
            sharePercent: planned.sharePercent,
          })),
          quote: application.quote,
          priorResults: application.priorResults,
          status: application.status as ApplicationStatus,
          rejectionReason: application.rejectionReason,
          shortlistedAt: application.status === 'SUBMITTED' ? null : challenge.applicationClosesAt,
          awardedAt: awarded ? daysFrom(challenge.applicationClosesAt, 7) : null,
          createdAt: appliedAt,
        }),
      );
      for (const sheet of application.scores) {
        rows.scores.push(
          Object.assign(new ChallengeScoreEntity(), {
            applicationId: application.id,
            reviewerId: sheet.reviewerId,
            scores: [...sheet.scores],
            comment: sheet.comment,
          }),
        );
      }
      if (awarded) {
        rows.milestones.push(...milestoneRows(application, now, milestoneNumber));
        milestoneNumber += application.plan.length;
      }
    }
  }
  return rows;
}

/** Inserts the demo challenges (PUBLISHED, with their UPSERTED outbox rows) inside the caller's transaction; returns how many. */
export async function seedDemoChallenges(manager: EntityManager, lifecycle: ListingLifecycle, now: Date = clock.now()): Promise<number> {
  const rows = demoChallengeRows(now);
  for (const challenge of rows.challenges) {
    const saved = await manager.save(challenge);
    await lifecycle.recordPublicChange(manager, saved, null);
  }
  await manager.save(rows.applications);
  await manager.save(rows.scores);
  await manager.save(rows.milestones);
  return rows.challenges.length;
}
