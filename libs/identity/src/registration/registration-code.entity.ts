import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The registration code last sent to one address; replaced by the next request, deleted once used. */
@Entity('registration_codes')
export class RegistrationCodeEntity {
  /** SHA-256 of the (lower-case) address. */
  @PrimaryColumn('text')
  emailHash!: string;

  /** HMAC of the code (registration-rules.ts `codeHash`). */
  @Column('text')
  codeHash!: string;

  /** Wrong entries so far. */
  @Column('integer')
  attempts!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
