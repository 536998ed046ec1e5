import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A before/after picture of the fields a change touched, e.g. `{ roles: ['BROKER'] }`. */
export type AuditSnapshot = Record<string, unknown>;

/**
 * One change an administrator (or another actor) made, written by the service that owns the change,
 * in the same transaction, into its own schema's `audit_log` (see audit-log-table.ts).
 */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Milliseconds, like JavaScript dates, so a page cursor holding it compares exactly. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at!: Date;

  /** The user who made the change; null for the system (e.g. start-up seeding). */
  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  targetType!: string;

  @Column('text')
  targetId!: string;

  /** What the target was called at the time (a title, a name, terms), so the log reads without lookups. */
  @Column('text', { nullable: true })
  targetLabel!: string | null;

  @Column('jsonb', { nullable: true })
  before!: AuditSnapshot | null;

  @Column('jsonb', { nullable: true })
  after!: AuditSnapshot | null;

  @Column('text', { nullable: true })
  reason!: string | null;
}

/** Add to a service's TypeORM entities beside its own. */
export const AUDIT_ENTITIES = [AuditEntryEntity];
