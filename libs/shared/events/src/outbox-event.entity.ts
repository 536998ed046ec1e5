import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per change that others must learn about, written in the same transaction as the change.
 * Each service keeps this table in its own schema; `seq` gives the feed its order.
 */
@Entity('outbox')
@Index(['aggregateType', 'aggregateId'])
export class OutboxEvent {
  /** bigint arrives from `pg` as a string; it stays one to keep full precision. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('text')
  aggregateType!: string;

  @Column('uuid')
  aggregateId!: string;

  /** Increases with every change of the aggregate; consumers drop anything older than what they hold. */
  @Column('int')
  aggregateVersion!: number;

  @Column('text')
  type!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The DDL of the outbox table, for each service's first migration. */
export const OUTBOX_TABLE_SQL = `
  CREATE TABLE outbox (
    seq bigserial PRIMARY KEY,
    aggregate_type text NOT NULL,
    aggregate_id uuid NOT NULL,
    aggregate_version int NOT NULL,
    type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_type, aggregate_id);
`;
