import { Column, Entity } from 'typeorm';
import { CatalogListingEntity } from '../listing/listing-base.entity';

/** 技术需求: an enterprise's technical problem. */
@Entity('needs')
export class NeedEntity extends CatalogListingEntity {
  /** CNY; null = 面议 (to be negotiated). */
  @Column('integer', { nullable: true })
  budgetMin!: number | null;

  @Column('integer', { nullable: true })
  budgetMax!: number | null;

  /** ISO date (YYYY-MM-DD). */
  @Column('date', { nullable: true })
  deadline!: string | null;

  @Column('smallint', { nullable: true })
  minTrl!: number | null;

  /** Hides the owner and organisation from everyone but the owner and administrators. */
  @Column('boolean', { default: false })
  anonymous!: boolean;
}
