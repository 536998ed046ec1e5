import { CooperationMode } from '@ttm/taxonomy';
import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ListingStatus } from './listing-status';

/** Stored as contact_name / contact_phone / contact_email. */
export class ContactColumns {
  @Column('text')
  name!: string;

  @Column('text')
  phone!: string;

  @Column('text')
  email!: string;
}

/** Columns every listing kind has: owner, lifecycle, classification, contact. */
export abstract class ListingBaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The identity service's user id (not a foreign key: identity owns its own tables). */
  @Column('text')
  ownerId!: string;

  @Column('text')
  industry!: string;

  @Column('text')
  regionCode!: string;

  @Column(() => ContactColumns)
  contact!: ContactColumns;

  @Column('text')
  status!: ListingStatus;

  @Column('text', { nullable: true })
  rejectionReason!: string | null;

  /** Bumped by every change; the outbox carries it so consumers never apply an older state. */
  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  /** When it last entered review; the review queue is ordered by it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt!: Date | null;

  /** When it was first published; public lists are ordered by it (newest first). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;
}

/** Needs and results: a titled, described, keyworded offer or request. */
export abstract class CatalogListingEntity extends ListingBaseEntity {
  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('text', { array: true })
  keywords!: string[];

  @Column('text', { array: true })
  cooperationModes!: CooperationMode[];

  /** 发布单位, as the owner declares it. */
  @Column('text', { nullable: true })
  organizationName!: string | null;
}
