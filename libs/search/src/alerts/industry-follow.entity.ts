import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A broker following an industry (top-level or sub-industry) to hear of its new listings. */
@Entity('industry_follows')
export class IndustryFollowEntity {
  @PrimaryColumn('text')
  userId!: string;

  @PrimaryColumn('text')
  industry!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
