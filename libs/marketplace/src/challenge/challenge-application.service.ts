import { Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '@ttm/auth';
import { chinaDate, clock, todayInChina } from '@ttm/clock';
import { inTransaction } from '@ttm/database';
import { badInput } from '@ttm/errors';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, PageArgs, toConnection } from '@ttm/graphql';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '../listing/ids';
import { ListingLifecycle } from '../listing/listing-lifecycle.service';
import { ListingStatus } from '../listing/listing-status';
import { canViewListing, isOwner, Viewer } from '../listing/visibility';
import {
  ChallengeApplicationEntity,
  ChallengeEntity,
  ChallengeMilestoneEntity,
  ChallengeScoreEntity,
  PlannedMilestone,
} from './challenge.entity';
import { ChallengeErrors } from './challenge.errors';
import { ApplicationFilter, ApplyToChallengeInput, ScoreApplicationInput } from './challenge.inputs';
import { ChallengeApplicationModel } from './challenge.model';
import {
  assertCanApply,
  assertCanAward,
  assertCanCancel,
  assertCanReview,
  assertCanScore,
  isChallengeComplete,
  MilestoneAction,
  milestoneAmounts,
  nextApplicationStatus,
  nextMilestoneStatus,
} from './challenge-state-machine';
import { ApplicationStatus, ChallengeStage, MilestoneStatus } from './challenge-status';

/** The publisher of a challenge and administrators review its applications and accept milestones. */
export const reviewsChallenge = (viewer: Viewer, challenge: ChallengeEntity): boolean => isOwner(viewer, challenge) || isAdmin(viewer);

/** Rejection reason given to the applications left in the running once every winner's place is taken. */
export const PLACES_FILLED_REASON = '本榜揭榜名额已满，感谢参与';
export const CANCELLED_REASON = '本榜已撤榜';

/** The last day of the delivery period: the window's closing day plus `deliveryMonths` months (China dates). */
export function deliveryEnds(challenge: Pick<ChallengeEntity, 'applicationClosesAt' | 'deliveryMonths'>): string {
  const closing = chinaDate(challenge.applicationClosesAt);
  const [year, month, day] = closing.split('-').map(Number);
  const end = new Date(Date.UTC(year, month - 1 + challenge.deliveryMonths, 1));
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end.toISOString().slice(0, 10);
}

/** Plan rules that need the challenge: shares add up to 100, due dates in order and within the delivery period, quote ≤ bounty. */
export function checkPlan(plan: readonly PlannedMilestone[], quote: number, challenge: ChallengeEntity, now: Date = clock.now()): void {
  const sum = plan.reduce((total, milestone) => total + milestone.sharePercent, 0);
  if (sum !== 100) throw ChallengeErrors.sharesNot100(sum);
  const today = todayInChina(now);
  const last = deliveryEnds(challenge);
  plan.forEach((milestone, index) => {
    if (milestone.dueDate <= today) throw ChallengeErrors.dueDatePast(index, milestone.dueDate);
    if (milestone.dueDate > last) throw ChallengeErrors.dueDateBeyondDelivery(index, milestone.dueDate, last);
    if (index > 0 && milestone.dueDate < plan[index - 1].dueDate) throw ChallengeErrors.dueDateOrder(index);
  });
  if (quote > challenge.bounty) throw ChallengeErrors.quoteOverBounty(quote, challenge.bounty);
}

interface Locked {
  challenge: ChallengeEntity;
  application: ChallengeApplicationEntity;
}

/**
 * 揭榜: applications, score sheets, shortlisting, awards and milestones. Every change runs in one
 * transaction that locks rows in one order — challenge, then application, then milestones — so
 * concurrent awards and acceptances serialise on the challenge row and cannot both succeed.
 */
@Injectable()
export class ChallengeApplicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ListingLifecycle,
  ) {}

  apply(input: ApplyToChallengeInput, applicant: AuthUser, now: Date = clock.now()): Promise<ChallengeApplicationEntity> {
    if (!isUuid(input.challengeId)) return Promise.reject(ChallengeErrors.challengeNotFound(input.challengeId));
    const plan: PlannedMilestone[] = input.milestones.map((milestone) => ({
      title: milestone.title,
      deliverable: milestone.deliverable,
      dueDate: milestone.dueDate,
      sharePercent: milestone.sharePercent,
    }));
    return inTransaction(this.dataSource, async (manager) => {
      const challenge = await this.lockChallenge(manager, input.challengeId, applicant);
      assertCanApply(challenge, now);
      const existing = await manager.findOneBy(ChallengeApplicationEntity, { challengeId: challenge.id, applicantId: applicant.id });
      if (existing) throw ChallengeErrors.alreadyApplied(existing.id);
      checkPlan(plan, input.quote, challenge, now);
      const application = Object.assign(new ChallengeApplicationEntity(), {
        id: randomUUID(),
        challengeId: challenge.id,
        applicantId: applicant.id,
        teamName: input.teamName,
        members: input.members.map((member) => ({ name: member.name, title: member.title || null, organization: member.organization })),
        technicalRoute: input.technicalRoute,
        plan,
        quote: input.quote,
        priorResults: input.priorResults || null,
        status: ApplicationStatus.SUBMITTED,
        rejectionReason: null,
        shortlistedAt: null,
        awardedAt: null,
      });
      return manager.save(application);
    });
  }

  score(input: ScoreApplicationInput, reviewer: AuthUser): Promise<ChallengeApplicationEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const { challenge, application } = await this.lockApplication(manager, input.applicationId, reviewer);
      if (!reviewsChallenge(reviewer, challenge)) throw ChallengeErrors.notReviewer('score applications');
      assertCanReview(challenge, 'score applications');
      assertCanScore(application.status);
      if (input.scores.length !== challenge.indicators.length) throw ChallengeErrors.scoreCount(challenge.indicators.length, input.scores.length);
      const sheet = Object.assign(new ChallengeScoreEntity(), {
        applicationId: application.id,
        reviewerId: reviewer.id,
        scores: [...input.scores],
        comment: input.comment || null,
      });
      await manager.save(sheet);
      return application;
    });
  }

  shortlist(applicationId: string, actor: AuthUser, now: Date = clock.now()): Promise<ChallengeApplicationEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const { challenge, application } = await this.lockApplication(manager, applicationId, actor);
      if (!reviewsChallenge(actor, challenge)) throw ChallengeErrors.notReviewer('shortlist applications');
      assertCanReview(challenge, 'shortlist');
      application.status = nextApplicationStatus(application.status, 'SHORTLIST');
      application.shortlistedAt = now;
      return manager.save(application);
    });
  }

  reject(applicationId: string, reason: string, actor: AuthUser): Promise<ChallengeApplicationEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const { challenge, application } = await this.lockApplication(manager, applicationId, actor);
      if (!reviewsChallenge(actor, challenge)) throw ChallengeErrors.notReviewer('reject applications');
      assertCanReview(challenge, 'reject applications');
      application.status = nextApplicationStatus(application.status, 'REJECT');
      application.rejectionReason = reason;
      return manager.save(application);
    });
  }

  /** Awards one shortlisted application: its plan becomes milestones; the challenge is AWARDED. */
  award(challengeId: string, applicationId: string, actor: AuthUser, now: Date = clock.now()): Promise<ChallengeApplicationEntity> {
    if (!isUuid(challengeId)) return Promise.reject(ChallengeErrors.challengeNotFound(challengeId));
    return inTransaction(this.dataSource, async (manager) => {
      const challenge = await this.lockChallenge(manager, challengeId, actor);
      if (!reviewsChallenge(actor, challenge)) throw ChallengeErrors.notReviewer('award it');
      const application = isUuid(applicationId)
        ? await manager.findOne(ChallengeApplicationEntity, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!application || !this.visibleApplication(actor, challenge, application)) throw ChallengeErrors.applicationNotFound(applicationId);
      if (application.challengeId !== challenge.id) throw ChallengeErrors.wrongChallenge(applicationId, challenge.id);
      const awardedSoFar = await manager.countBy(ChallengeApplicationEntity, { challengeId: challenge.id, status: ApplicationStatus.AWARDED });
      if (application.status !== ApplicationStatus.AWARDED) assertCanAward(challenge, awardedSoFar, now);
      application.status = nextApplicationStatus(application.status, 'AWARD');
      application.awardedAt = now;
      const saved = await manager.save(application);

      const amounts = milestoneAmounts(application.quote, application.plan.map((planned) => planned.sharePercent));
      const milestones = application.plan.map((planned, index) =>
        Object.assign(new ChallengeMilestoneEntity(), {
          id: randomUUID(),
          applicationId: application.id,
          sequence: index + 1,
          title: planned.title,
          deliverable: planned.deliverable,
          dueDate: planned.dueDate,
          sharePercent: planned.sharePercent,
          amount: amounts[index],
          status: MilestoneStatus.PENDING,
          submission: null,
          submittedAt: null,
          reworkNote: null,
          acceptedAt: null,
          paidAt: null,
        }),
      );
      await manager.save(milestones);

      challenge.stage = ChallengeStage.AWARDED;
      await manager.save(challenge);
      if (awardedSoFar + 1 >= challenge.maxWinners) {
        await manager.update(
          ChallengeApplicationEntity,
          { challengeId: challenge.id, status: In([ApplicationStatus.SUBMITTED, ApplicationStatus.SHORTLISTED]) },
          { status: ApplicationStatus.REJECTED, rejectionReason: PLACES_FILLED_REASON },
        );
      }
      return saved;
    });
  }

  /** Withdraws a challenge before any award: it is CLOSED (out of the public lists) and its open applications are rejected. */
  cancel(challengeId: string, actor: AuthUser): Promise<ChallengeEntity> {
    if (!isUuid(challengeId)) return Promise.reject(ChallengeErrors.challengeNotFound(challengeId));
    return inTransaction(this.dataSource, async (manager) => {
      const challenge = await this.lockChallenge(manager, challengeId, actor);
      if (!reviewsChallenge(actor, challenge)) throw ChallengeErrors.notReviewer('cancel it');
      assertCanCancel(challenge);
      const before = challenge.status;
      challenge.status = ListingStatus.CLOSED;
      challenge.stage = ChallengeStage.CANCELLED;
      const saved = await manager.save(challenge);
      await manager.update(
        ChallengeApplicationEntity,
        { challengeId: challenge.id, status: In([ApplicationStatus.SUBMITTED, ApplicationStatus.SHORTLISTED]) },
        { status: ApplicationStatus.REJECTED, rejectionReason: CANCELLED_REASON },
      );
      await this.lifecycle.recordPublicChange(manager, saved, before);
      return saved;
    });
  }

  submitMilestone(milestoneId: string, deliverable: string, actor: AuthUser, now: Date = clock.now()): Promise<ChallengeMilestoneEntity> {
    return this.changeMilestone(milestoneId, actor, 'SUBMIT', (milestone) => {
      milestone.submission = deliverable;
      milestone.submittedAt = now;
    });
  }

  acceptMilestone(milestoneId: string, actor: AuthUser, now: Date = clock.now()): Promise<ChallengeMilestoneEntity> {
    return this.changeMilestone(milestoneId, actor, 'ACCEPT', (milestone) => {
      milestone.acceptedAt = now;
      milestone.paidAt = now;
    });
  }

  requestRework(milestoneId: string, note: string, actor: AuthUser): Promise<ChallengeMilestoneEntity> {
    return this.changeMilestone(milestoneId, actor, 'REQUEST_REWORK', (milestone) => {
      milestone.reworkNote = note;
    });
  }

  private changeMilestone(
    milestoneId: string,
    actor: AuthUser,
    action: MilestoneAction,
    apply: (milestone: ChallengeMilestoneEntity) => void,
  ): Promise<ChallengeMilestoneEntity> {
    if (!isUuid(milestoneId)) return Promise.reject(ChallengeErrors.milestoneNotFound(milestoneId));
    return inTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOneBy(ChallengeMilestoneEntity, { id: milestoneId });
      if (!found) throw ChallengeErrors.milestoneNotFound(milestoneId);
      const { challenge, application } = await this.lockApplication(manager, found.applicationId, actor, () => ChallengeErrors.milestoneNotFound(milestoneId));
      if (action === 'SUBMIT') {
        if (application.applicantId !== actor.id) throw ChallengeErrors.notApplicant('submit its milestones');
      } else if (!reviewsChallenge(actor, challenge)) {
        throw ChallengeErrors.notReviewer(action === 'ACCEPT' ? 'accept milestones' : 'request rework');
      }
      const milestones = await manager.find(ChallengeMilestoneEntity, {
        where: { applicationId: application.id },
        order: { sequence: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const milestone = milestones.find((candidate) => candidate.id === found.id) ?? found;
      const previous = milestones.find((candidate) => candidate.sequence === milestone.sequence - 1) ?? null;
      milestone.status = nextMilestoneStatus(milestone, action, previous);
      apply(milestone);
      const saved = await manager.save(milestone);
      if (action === 'ACCEPT' && challenge.stage === ChallengeStage.AWARDED && (await this.allWinnersDone(manager, challenge.id))) {
        challenge.stage = ChallengeStage.COMPLETED;
        await manager.save(challenge);
      }
      return saved;
    });
  }

  /** Whether every awarded application's final milestone is accepted (reads inside the caller's transaction). */
  private async allWinnersDone(manager: EntityManager, challengeId: string): Promise<boolean> {
    const milestones = await manager
      .getRepository(ChallengeMilestoneEntity)
      .createQueryBuilder('milestone')
      .innerJoin(ChallengeApplicationEntity, 'application', 'application.id = milestone.applicationId')
      .where('application.challengeId = :challengeId', { challengeId })
      .andWhere('application.status = :awarded', { awarded: ApplicationStatus.AWARDED })
      .getMany();
    const finals = new Map<string, ChallengeMilestoneEntity>();
    for (const milestone of milestones) {
      const current = finals.get(milestone.applicationId);
      if (!current || milestone.sequence > current.sequence) finals.set(milestone.applicationId, milestone);
    }
    return isChallengeComplete([...finals.values()]);
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────

  async applicationsForChallenge(
    challengeId: string,
    filter: ApplicationFilter | null | undefined,
    page: PageArgs,
    viewer: AuthUser,
  ): Promise<Connection<ChallengeApplicationEntity>> {
    const challenge = isUuid(challengeId) ? await this.dataSource.getRepository(ChallengeEntity).findOneBy({ id: challengeId }) : null;
    if (!challenge || !(canViewListing(viewer, challenge) || reviewsChallenge(viewer, challenge))) throw ChallengeErrors.challengeNotFound(challengeId);
    if (!reviewsChallenge(viewer, challenge)) throw ChallengeErrors.notReviewer('list its applications');
    const qb = this.dataSource
      .getRepository(ChallengeApplicationEntity)
      .createQueryBuilder('application')
      .where('application.challengeId = :challengeId', { challengeId: challenge.id });
    if (filter?.status) qb.andWhere('application.status = :status', { status: filter.status });
    return this.page(qb, page);
  }

  myApplications(filter: ApplicationFilter | null | undefined, page: PageArgs, applicant: AuthUser): Promise<Connection<ChallengeApplicationEntity>> {
    const qb = this.dataSource
      .getRepository(ChallengeApplicationEntity)
      .createQueryBuilder('application')
      .where('application.applicantId = :applicantId', { applicantId: applicant.id });
    if (filter?.status) qb.andWhere('application.status = :status', { status: filter.status });
    return this.page(qb, page);
  }

  async application(id: string, viewer: AuthUser): Promise<ChallengeApplicationEntity> {
    const application = isUuid(id) ? await this.dataSource.getRepository(ChallengeApplicationEntity).findOneBy({ id }) : null;
    const challenge = application ? await this.dataSource.getRepository(ChallengeEntity).findOneBy({ id: application.challengeId }) : null;
    if (!application || !challenge || !this.visibleApplication(viewer, challenge, application)) throw ChallengeErrors.applicationNotFound(id);
    return application;
  }

  /** Presents applications for `viewer`, loading challenges, score sheets and milestones in one query each. */
  async present(applications: readonly ChallengeApplicationEntity[], viewer: AuthUser): Promise<ChallengeApplicationModel[]> {
    if (applications.length === 0) return [];
    const ids = applications.map((application) => application.id);
    const challengeIds = [...new Set(applications.map((application) => application.challengeId))];
    const [challenges, scores, milestones] = await Promise.all([
      this.dataSource.getRepository(ChallengeEntity).findBy({ id: In(challengeIds) }),
      this.dataSource.getRepository(ChallengeScoreEntity).find({ where: { applicationId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(ChallengeMilestoneEntity).findBy({ applicationId: In(ids) }),
    ]);
    const challengeById = new Map(challenges.map((challenge) => [challenge.id, challenge]));
    return applications.map((application) => {
      const challenge = challengeById.get(application.challengeId);
      return ChallengeApplicationModel.from(application, {
        indicators: challenge?.indicators ?? [],
        scores: scores.filter((sheet) => sheet.applicationId === application.id),
        milestones: milestones.filter((milestone) => milestone.applicationId === application.id),
        reviewer: !!challenge && reviewsChallenge(viewer, challenge),
      });
    });
  }

  async presentOne(application: ChallengeApplicationEntity, viewer: AuthUser): Promise<ChallengeApplicationModel> {
    const [model] = await this.present([application], viewer);
    return model;
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  private visibleApplication(viewer: Viewer, challenge: ChallengeEntity, application: ChallengeApplicationEntity): boolean {
    return reviewsChallenge(viewer, challenge) || (!!viewer && viewer.id === application.applicantId);
  }

  /** Locks the challenge row; NOT_FOUND unless the actor may see it. */
  private async lockChallenge(manager: EntityManager, id: string, actor: AuthUser): Promise<ChallengeEntity> {
    const challenge = await manager.findOne(ChallengeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!challenge || !(canViewListing(actor, challenge) || reviewsChallenge(actor, challenge))) throw ChallengeErrors.challengeNotFound(id);
    return challenge;
  }

  /** Locks the application's challenge, then the application (always in this order). */
  private async lockApplication(
    manager: EntityManager,
    applicationId: string,
    actor: AuthUser,
    notFound: () => Error = () => ChallengeErrors.applicationNotFound(applicationId),
  ): Promise<Locked> {
    if (!isUuid(applicationId)) throw notFound();
    const unlocked = await manager.findOneBy(ChallengeApplicationEntity, { id: applicationId });
    if (!unlocked) throw notFound();
    const challenge = await manager.findOne(ChallengeEntity, { where: { id: unlocked.challengeId }, lock: { mode: 'pessimistic_write' } });
    const application = await manager.findOne(ChallengeApplicationEntity, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
    // Anyone who can see a published challenge learns only FORBIDDEN from the role checks that follow.
    if (!challenge || !application || !(canViewListing(actor, challenge) || this.visibleApplication(actor, challenge, application))) throw notFound();
    return { challenge, application };
  }

  private async page(qb: SelectQueryBuilder<ChallengeApplicationEntity>, page: PageArgs): Promise<Connection<ChallengeApplicationEntity>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const totalCount = await qb.clone().getCount();
    if (page.after) {
      const cursor = decodeCursor(page.after);
      const time = new Date(String(cursor.sortValue));
      if (typeof cursor.sortValue !== 'string' || Number.isNaN(time.getTime()) || !isUuid(cursor.id)) {
        throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged');
      }
      qb.andWhere('(application.createdAt, application.id) < (:cursorTime, :cursorId)', { cursorTime: time, cursorId: cursor.id });
    }
    const rows = await qb.orderBy('application.createdAt', 'DESC').addOrderBy('application.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => ({ sortValue: row.createdAt.toISOString(), id: row.id }));
  }
}
