import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Why a refresh token stopped working. Since sessions exist only ROTATED is written: ending a session
 * is recorded on the session (SessionEntity); the other values remain on tokens revoked before.
 */
export enum RevokeReason {
  /** Exchanged for its successor by refreshToken. */
  ROTATED = 'ROTATED',
  LOGOUT = 'LOGOUT',
  REUSE_DETECTED = 'REUSE_DETECTED',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/** One refresh token. The token itself is never stored, only its SHA-256. */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  /** Every token descending from one login shares its family: the session's id (SessionEntity). */
  @Column('uuid')
  familyId!: string;

  @Column('text')
  tokenHash!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokeReason!: RevokeReason | null;

  @Column('uuid', { nullable: true })
  replacedById!: string | null;
}
