import { Column, Entity } from 'typeorm';
import { CatalogListingEntity } from '../listing/listing-base.entity';
import { IpType } from '@ttm/taxonomy';

/** 科技成果: a research result offered for transfer, licence or cooperation. */
@Entity('results')
export class ResultEntity extends CatalogListingEntity {
  /** 技术成熟度 1–9. */
  @Column('smallint')
  trl!: number;

  @Column('text')
  ipType!: IpType;

  @Column('text', { array: true })
  patentNumbers!: string[];

  /** CNY; null = 面议. */
  @Column('integer', { nullable: true })
  askingPrice!: number | null;

  @Column('boolean', { default: false })
  openLicense!: boolean;

  @Column('text', { nullable: true })
  openLicenseTerms!: string | null;
}
