import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ContractType, DealActivityAction, DealStage } from './deal-enums';

/** The pipeline an accepted match becomes. */
@Entity('deals')
export class DealEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  matchId!: string;

  @Column('text')
  brokerId!: string;

  @Column('text')
  needOwnerId!: string;

  @Column('text')
  counterpartOwnerId!: string;

  @Column('text')
  industry!: string;

  @Column('text')
  stage!: DealStage;

  @Column('text', { nullable: true })
  failureReason!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  signedAt!: Date | null;

  /** When it reached COMPLETED or FAILED. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;

  /** Clients send it back as expectedVersion; a stale one is refused with CONFLICT. */
  @VersionColumn()
  version!: number;
}

/** Who did what to a deal, and when (append-only). */
@Entity('deal_activities')
export class DealActivityEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid')
  dealId!: string;

  @Column('text')
  actorId!: string;

  @Column('text')
  action!: DealActivityAction;

  @Column('text', { nullable: true })
  fromStage!: DealStage | null;

  @Column('text', { nullable: true })
  toStage!: DealStage | null;

  @Column('text', { nullable: true })
  detail!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;
}

export interface ContractParty {
  name: string;
  role: string;
}

/** 技术合同登记: the registered technology contract of a signed deal. */
@Entity('contracts')
export class ContractEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  dealId!: string;

  @Column('text')
  type!: ContractType;

  /** CNY; numeric in PostgreSQL, parsed to a number on read. */
  @Column('numeric', { precision: 16, scale: 2, transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  amount!: number;

  /** ISO date (YYYY-MM-DD). */
  @Column('date')
  signedOn!: string;

  @Column('jsonb')
  parties!: ContractParty[];

  @Column('text')
  registeredBy!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  registeredAt!: Date;
}

export const DEAL_ENTITIES = [DealEntity, DealActivityEntity, ContractEntity];
