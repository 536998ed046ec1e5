import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum NotificationKind {
  /** A new listing matches one of the recipient's own listings (a need ↔ result or expert). */
  MATCHING_LISTING = 'MATCHING_LISTING',
  /** A new listing is a hit of one of the recipient's saved searches. */
  SAVED_SEARCH = 'SAVED_SEARCH',
  /** A new listing in an industry the recipient (a broker) follows. */
  FOLLOWED_INDUSTRY = 'FOLLOWED_INDUSTRY',
}

/**
 * One in-app alert about a newly published listing; at most one per recipient and listing. Its e-mail
 * delivery columns (`emailed_at`, `email_attempts`, `email_retry_at`) are the NotificationMailer's alone
 * (plain SQL) and not mapped here.
 */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  recipientId!: string;

  @Column('text')
  kind!: NotificationKind;

  /** The newly published listing. */
  @Column('text')
  listingId!: string;

  @Column('text')
  listingKind!: string;

  /** MATCHING_LISTING: the recipient's own listing it matches. */
  @Column('text', { nullable: true })
  matchedListingId!: string | null;

  @Column('text', { nullable: true })
  matchedListingKind!: string | null;

  @Column('uuid', { nullable: true })
  savedSearchId!: string | null;

  @Column('text')
  title!: string;

  @Column('text')
  message!: string;

  @Column('real', { nullable: true })
  score!: number | null;

  @Column('text', { array: true })
  reasons!: string[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt!: Date | null;
}
