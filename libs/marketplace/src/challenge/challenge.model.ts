import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { clock } from '@ttm/clock';
import { ConnectionType } from '@ttm/graphql';
import { ListingBaseModel, presentBase, UserRef } from '../listing/listing-base.model';
import { Viewer } from '../listing/visibility';
import { ChallengeApplicationEntity, ChallengeEntity, ChallengeMilestoneEntity, ChallengeScoreEntity } from './challenge.entity';
import { effectiveStage } from './challenge-state-machine';
import { ApplicationStatus, ChallengeStage, MilestoneStatus } from './challenge-status';

@ObjectType('ChallengeIndicator', { description: '指标 — a measurable target and how it is verified' })
export class ChallengeIndicatorModel {
  @Field()
  name!: string;

  @Field()
  targetValue!: string;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field()
  verificationMethod!: string;
}

@ObjectType('Challenge', { description: '揭榜挂帅 榜单 — a key technical problem with a bounty that research teams apply to solve' })
@Directive('@key(fields: "id")')
export class ChallengeModel extends ListingBaseModel {
  @Field()
  title!: string;

  @Field({ description: 'The problem' })
  description!: string;

  @Field(() => [String])
  keywords!: string[];

  @Field(() => String, { nullable: true, description: '发榜单位' })
  organizationName!: string | null;

  @Field(() => [ChallengeIndicatorModel], { description: 'Applications are scored 0–10 on each, in this order' })
  indicators!: ChallengeIndicatorModel[];

  @Field(() => Int, { description: '榜额, CNY' })
  bounty!: number;

  @Field({ description: '申报条件' })
  eligibility!: string;

  @Field()
  applicationOpensAt!: Date;

  @Field()
  applicationClosesAt!: Date;

  @Field(() => Int, { description: 'Delivery period in months' })
  deliveryMonths!: number;

  @Field({ description: '赛马制: several teams may be awarded' })
  allowsMultipleWinners!: boolean;

  @Field(() => Int)
  maxWinners!: number;

  @Field(() => ChallengeStage, { nullable: true, description: 'null until first published' })
  stage!: ChallengeStage | null;

  static from(entity: ChallengeEntity, viewer: Viewer, now: Date = clock.now()): ChallengeModel {
    return Object.assign(new ChallengeModel(), {
      ...presentBase(entity, viewer),
      title: entity.title,
      description: entity.description,
      keywords: [...entity.keywords],
      organizationName: entity.organizationName,
      indicators: entity.indicators.map((indicator) => ({ ...indicator })),
      bounty: entity.bounty,
      eligibility: entity.eligibility,
      applicationOpensAt: entity.applicationOpensAt,
      applicationClosesAt: entity.applicationClosesAt,
      deliveryMonths: entity.deliveryMonths,
      allowsMultipleWinners: entity.allowsMultipleWinners,
      maxWinners: entity.maxWinners,
      stage: effectiveStage(entity, now),
    });
  }
}

export const ChallengeConnection = ConnectionType(ChallengeModel, 'Challenge');

@ObjectType('TeamMember')
export class TeamMemberModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field()
  organization!: string;
}

@ObjectType('PlannedMilestone', { description: 'A milestone as the team planned it in its application' })
export class PlannedMilestoneModel {
  @Field()
  title!: string;

  @Field()
  deliverable!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueDate!: string;

  @Field(() => Int)
  sharePercent!: number;
}

@ObjectType('RubricScore')
export class RubricScoreModel {
  @Field({ description: 'The indicator this rubric item scores' })
  indicator!: string;

  @Field(() => Int, { description: '0–10' })
  score!: number;
}

@ObjectType('ScoreSheet', { description: 'One reviewer’s scores for one application' })
export class ScoreSheetModel {
  @Field(() => UserRef)
  reviewer!: UserRef;

  @Field(() => [RubricScoreModel])
  items!: RubricScoreModel[];

  @Field(() => Int, { description: 'Sum of the item scores' })
  total!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  updatedAt!: Date;
}

@ObjectType('ChallengeMilestone', { description: 'A milestone of an awarded application' })
export class ChallengeMilestoneModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1, 2, …' })
  sequence!: number;

  @Field()
  isFinal!: boolean;

  @Field()
  title!: string;

  @Field()
  deliverable!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueDate!: string;

  @Field(() => Int)
  sharePercent!: number;

  @Field(() => Int, { description: 'CNY paid when accepted' })
  amount!: number;

  @Field(() => MilestoneStatus)
  status!: MilestoneStatus;

  @Field(() => String, { nullable: true, description: 'What the team delivered' })
  submission!: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What the publisher asked to fix' })
  reworkNote!: string | null;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its amount was paid (once, at acceptance)' })
  paidAt!: Date | null;

  static from(entity: ChallengeMilestoneEntity, finalSequence: number): ChallengeMilestoneModel {
    return Object.assign(new ChallengeMilestoneModel(), {
      id: entity.id,
      sequence: entity.sequence,
      isFinal: entity.sequence === finalSequence,
      title: entity.title,
      deliverable: entity.deliverable,
      dueDate: entity.dueDate,
      sharePercent: entity.sharePercent,
      amount: entity.amount,
      status: entity.status,
      submission: entity.submission,
      submittedAt: entity.submittedAt,
      reworkNote: entity.reworkNote,
      acceptedAt: entity.acceptedAt,
      paidAt: entity.paidAt,
    });
  }
}

/** What presenting an application needs besides its row. */
export interface ApplicationContext {
  indicators: readonly { name: string }[];
  scores: readonly ChallengeScoreEntity[];
  milestones: readonly ChallengeMilestoneEntity[];
  /** The viewer reviews it (the challenge's publisher or an administrator): score sheets are shown. */
  reviewer: boolean;
}

@ObjectType('ChallengeApplication', { description: '揭榜申请 — a research team’s proposal for a challenge' })
export class ChallengeApplicationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  challengeId!: string;

  @Field(() => UserRef, { description: 'The researcher who applied' })
  applicant!: UserRef;

  @Field()
  teamName!: string;

  @Field(() => [TeamMemberModel])
  members!: TeamMemberModel[];

  @Field({ description: '技术路线' })
  technicalRoute!: string;

  @Field(() => [PlannedMilestoneModel])
  plan!: PlannedMilestoneModel[];

  @Field(() => Int, { description: 'CNY' })
  quote!: number;

  @Field(() => String, { nullable: true })
  priorResults!: string | null;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Field(() => Date, { nullable: true })
  shortlistedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  awardedAt!: Date | null;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => [ScoreSheetModel], { description: 'Every reviewer’s sheet; only the publisher and administrators see them (empty for others)' })
  scoreSheets!: ScoreSheetModel[];

  @Field(() => Float, { nullable: true, description: 'Mean of the reviewers’ totals; null when unscored or hidden from you' })
  averageScore!: number | null;

  @Field(() => [ChallengeMilestoneModel], { description: 'Once awarded: the milestones being delivered, in order' })
  milestones!: ChallengeMilestoneModel[];

  static from(entity: ChallengeApplicationEntity, context: ApplicationContext): ChallengeApplicationModel {
    const sheets = context.reviewer
      ? context.scores.map((sheet) => ({
          reviewer: { id: sheet.reviewerId },
          items: sheet.scores.map((score, index) => ({ indicator: context.indicators[index]?.name ?? `#${index + 1}`, score })),
          total: sheet.scores.reduce((sum, score) => sum + score, 0),
          comment: sheet.comment,
          updatedAt: sheet.updatedAt,
        }))
      : [];
    const milestones = [...context.milestones].sort((a, b) => a.sequence - b.sequence);
    const finalSequence = milestones.length ? milestones[milestones.length - 1].sequence : 0;
    return Object.assign(new ChallengeApplicationModel(), {
      id: entity.id,
      challengeId: entity.challengeId,
      applicant: { id: entity.applicantId },
      teamName: entity.teamName,
      members: entity.members.map((member) => ({ ...member })),
      technicalRoute: entity.technicalRoute,
      plan: entity.plan.map((milestone) => ({ ...milestone })),
      quote: entity.quote,
      priorResults: entity.priorResults,
      status: entity.status,
      rejectionReason: entity.rejectionReason,
      shortlistedAt: entity.shortlistedAt,
      awardedAt: entity.awardedAt,
      version: entity.version,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      scoreSheets: sheets,
      averageScore: sheets.length ? sheets.reduce((sum, sheet) => sum + sheet.total, 0) / sheets.length : null,
      milestones: milestones.map((milestone) => ChallengeMilestoneModel.from(milestone, finalSequence)),
    });
  }
}

export const ChallengeApplicationConnection = ConnectionType(ChallengeApplicationModel, 'ChallengeApplication');
