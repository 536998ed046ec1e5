import { Role } from '@ttm/auth';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrganizationRole {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}

/** A person's account. A user belongs to at most one organisation. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower case; unique. */
  @Column('text')
  email!: string;

  /** argon2id PHC string. */
  @Column('text')
  passwordHash!: string;

  @Column('text')
  displayName!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  @Column('text', { nullable: true })
  organizationRole!: OrganizationRole | null;

  /**
   * Access tokens carry it (`ver`); a role change raises it (SessionsService.cutOffAccessTokens), which
   * refuses the tokens issued before. Never written through the entity (`update: false`), so saving a
   * user loaded earlier cannot put an old version back.
   */
  @Column({ type: 'integer', default: 1, update: false })
  tokenVersion!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
