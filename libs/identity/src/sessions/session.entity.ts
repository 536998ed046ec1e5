import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SessionEndReason {
  LOGOUT = 'LOGOUT',
  /** A rotated refresh token was presented again: someone holds a copy. */
  REUSE_DETECTED = 'REUSE_DETECTED',
  /** The user changed the password; every other session ends. */
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  /** An administrator signed the user out everywhere. */
  SIGNED_OUT_BY_ADMIN = 'SIGNED_OUT_BY_ADMIN',
}

/**
 * One sign-in: its refresh tokens form a family with the session's id, and its access tokens name it
 * (`sid`). Once `revokedAt` is set, neither kind of token works any more.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** The last refresh. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastUsedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokeReason!: SessionEndReason | null;
}
