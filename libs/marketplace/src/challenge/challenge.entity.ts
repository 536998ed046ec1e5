import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ListingBaseEntity } from '../listing/listing-base.entity';
import { ApplicationStatus, MilestoneStatus, StoredChallengeStage } from './challenge-status';

/** 指标: a measurable target the solution must reach, and how it is verified. */
export interface ChallengeIndicator {
  name: string;
  targetValue: string;
  unit: string | null;
  verificationMethod: string;
}

/** 揭榜挂帅 榜单: a key technical problem with a bounty, published like any listing. */
@Entity('challenges')
export class ChallengeEntity extends ListingBaseEntity {
  @Column('text')
  title!: string;

  /** The problem. */
  @Column('text')
  description!: string;

  @Column('text', { array: true })
  keywords!: string[];

  /** 发榜单位. */
  @Column('text', { nullable: true })
  organizationName!: string | null;

  /** 1–10; one rubric item each when applications are scored. */
  @Column('jsonb')
  indicators!: ChallengeIndicator[];

  /** 榜额, whole CNY. */
  @Column('integer')
  bounty!: number;

  @Column('text')
  eligibility!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  applicationOpensAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  applicationClosesAt!: Date;

  @Column('smallint')
  deliveryMonths!: number;

  /** 赛马制: several teams may be awarded and work in parallel. */
  @Column('boolean')
  allowsMultipleWinners!: boolean;

  @Column('smallint')
  maxWinners!: number;

  @Column('text')
  stage!: StoredChallengeStage;
}

export interface TeamMember {
  name: string;
  title: string | null;
  organization: string;
}

export interface PlannedMilestone {
  title: string;
  deliverable: string;
  /** ISO date. */
  dueDate: string;
  sharePercent: number;
}

/** 揭榜申请: a research team's proposal for a challenge. */
@Entity('challenge_applications')
export class ChallengeApplicationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  challengeId!: string;

  /** The identity service's user id of the researcher who applied. */
  @Column('text')
  applicantId!: string;

  @Column('text')
  teamName!: string;

  @Column('jsonb')
  members!: TeamMember[];

  @Column('text')
  technicalRoute!: string;

  @Column('jsonb')
  plan!: PlannedMilestone[];

  /** Whole CNY, at most the bounty. */
  @Column('integer')
  quote!: number;

  @Column('text', { nullable: true })
  priorResults!: string | null;

  @Column('text')
  status!: ApplicationStatus;

  @Column('text', { nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  shortlistedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  awardedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

/** One reviewer's score sheet for one application (resubmitting replaces it). */
@Entity('challenge_application_scores')
export class ChallengeScoreEntity {
  @PrimaryColumn('uuid')
  applicationId!: string;

  @PrimaryColumn('text')
  reviewerId!: string;

  /** One score 0–10 per indicator, in the challenge's indicator order. */
  @Column('smallint', { array: true })
  scores!: number[];

  @Column('text', { nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

/** A milestone of an awarded application, created from its plan at the award. */
@Entity('challenge_milestones')
export class ChallengeMilestoneEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  applicationId!: string;

  /** 1, 2, …; the highest is the final milestone. */
  @Column('smallint')
  sequence!: number;

  @Column('text')
  title!: string;

  @Column('text')
  deliverable!: string;

  @Column('date')
  dueDate!: string;

  @Column('smallint')
  sharePercent!: number;

  /** Whole CNY paid on acceptance. */
  @Column('integer')
  amount!: number;

  @Column('text')
  status!: MilestoneStatus;

  /** What the team delivered, as they describe it on submission. */
  @Column('text', { nullable: true })
  submission!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column('text', { nullable: true })
  reworkNote!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt!: Date | null;

  /** Set once, when accepted; never set twice. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  paidAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

export const CHALLENGE_ENTITIES = [ChallengeEntity, ChallengeApplicationEntity, ChallengeScoreEntity, ChallengeMilestoneEntity];
