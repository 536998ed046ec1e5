import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrganizationType {
  ENTERPRISE = 'ENTERPRISE',
  UNIVERSITY = 'UNIVERSITY',
  INSTITUTE = 'INSTITUTE',
  BROKER_AGENCY = 'BROKER_AGENCY',
}

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  type!: OrganizationType;

  /** GB/T 2260 code. */
  @Column('text')
  regionCode!: string;

  /** Normalised (upper case) unified social credit code; unique. */
  @Column('text')
  creditCode!: string;

  /** Set by an administrator; null while unverified. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  verifiedAt!: Date | null;

  @Column('uuid', { nullable: true })
  verifiedBy!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
