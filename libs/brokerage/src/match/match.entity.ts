import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { CounterpartKind, DeclineReasonCode, MatchResponse, MatchStatus } from './match-enums';

/** A broker's proposal pairing a need with a result or an expert, and each side's answer. */
@Entity('matches')
export class MatchEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  brokerId!: string;

  @Column('text')
  note!: string;

  @Column('uuid')
  needId!: string;

  /** Copied from the marketplace when the match is proposed: who answers for the need side. */
  @Column('text')
  needOwnerId!: string;

  @Column('boolean')
  needAnonymous!: boolean;

  @Column({ type: 'timestamptz', precision: 3 })
  needPublishedAt!: Date;

  @Column('text')
  counterpartKind!: CounterpartKind;

  @Column('uuid')
  counterpartId!: string;

  /** The result's owner, or the researcher who keeps the expert profile. */
  @Column('text')
  counterpartOwnerId!: string;

  /** The need's industry; statistics and the broker leaderboard group by it. */
  @Column('text')
  industry!: string;

  @Column('text')
  status!: MatchStatus;

  @Column('text', { nullable: true })
  needResponse!: MatchResponse | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  needRespondedAt!: Date | null;

  @Column('text', { nullable: true })
  needDeclineCode!: DeclineReasonCode | null;

  @Column('text', { nullable: true })
  needDeclineText!: string | null;

  @Column('text', { nullable: true })
  counterpartResponse!: MatchResponse | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  counterpartRespondedAt!: Date | null;

  @Column('text', { nullable: true })
  counterpartDeclineCode!: DeclineReasonCode | null;

  @Column('text', { nullable: true })
  counterpartDeclineText!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  proposedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  declinedAt!: Date | null;

  /** Position in the outcome feed (`GET /internal/match-outcomes`), taken when the match is decided; null while PROPOSED. */
  @Column('bigint', { nullable: true })
  outcomeSeq!: string | null;

  @VersionColumn()
  version!: number;
}

/** The record that the broker introduced the two parties: written once, when both accept. */
@Entity('introductions')
export class IntroductionEntity {
  @PrimaryColumn('uuid')
  matchId!: string;

  @Column('text')
  brokerId!: string;

  @Column('text')
  needOwnerId!: string;

  @Column('text')
  counterpartOwnerId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  introducedAt!: Date;
}
