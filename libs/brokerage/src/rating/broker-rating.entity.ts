import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One party's rating of the broker of one closed deal; (deal, rater) is unique. */
@Entity('broker_ratings')
export class BrokerRatingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  dealId!: string;

  @Column('text')
  brokerId!: string;

  @Column('text')
  raterId!: string;

  @Column('smallint')
  stars!: number;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
