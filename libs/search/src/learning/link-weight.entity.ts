import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Why a link's weight changed: a match outcome, an administrator undoing one, or a reset to the start. */
export enum LinkWeightChangeKind {
  OUTCOME = 'OUTCOME',
  REVERT = 'REVERT',
  RESET = 'RESET',
}

/** A bridge link's learned weight (problem → target); links never touched have none and weigh as the graph says. */
@Entity('link_weights')
export class LinkWeightEntity {
  @PrimaryColumn('text')
  problemId!: string;

  @PrimaryColumn('text')
  targetId!: string;

  @Column('double precision')
  weight!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

/** One change of one link's weight, as it happened; outcome changes stay, marked, when undone. */
@Entity('link_weight_adjustments')
export class LinkWeightAdjustmentEntity {
  /** bigint: increases with every change, so the highest id tells whether the weights changed. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  problemId!: string;

  @Column('text')
  targetId!: string;

  @Column('text')
  kind!: LinkWeightChangeKind;

  /** The match whose outcome this is (OUTCOME), or whose outcome a REVERT undoes. */
  @Column('uuid', { nullable: true })
  matchId!: string | null;

  @Column('text', { nullable: true })
  outcome!: 'ACCEPTED' | 'DECLINED' | null;

  @Column('text', { nullable: true })
  declineCode!: string | null;

  /** weightAfter − weightBefore: less than δ (or 0) where a bound stopped it. */
  @Column('double precision')
  delta!: number;

  @Column('double precision')
  weightBefore!: number;

  @Column('double precision')
  weightAfter!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  /** The administrator who reverted or reset; null for an outcome. */
  @Column('uuid', { nullable: true })
  actorId!: string | null;

  /** For a REVERT: the outcome change it undoes. */
  @Column('bigint', { nullable: true })
  revertsId!: string | null;

  /** For an OUTCOME: when a revert or reset undid it (it no longer counts). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revertedAt!: Date | null;
}

/** A match outcome taken into account, once: the feed may be read again after a restart. */
@Entity('learned_matches')
export class LearnedMatchEntity {
  @PrimaryColumn('uuid')
  matchId!: string;

  /** The outcome's position in the brokerage's feed (its cursor); the follower reads on after the highest. */
  @Column('bigint')
  feedPosition!: string;

  @Column('text')
  outcome!: 'ACCEPTED' | 'DECLINED';

  @Column('text', { nullable: true })
  declineCode!: string | null;

  /** How many links it adjusted (0: no link connects the two listings, or the outcome says nothing about the technology). */
  @Column('int')
  links!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  learnedAt!: Date;
}

export const LEARNING_ENTITIES = [LinkWeightEntity, LinkWeightAdjustmentEntity, LearnedMatchEntity];
