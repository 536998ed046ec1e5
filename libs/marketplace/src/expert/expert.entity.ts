import { Column, Entity } from 'typeorm';
import { ListingBaseEntity } from '../listing/listing-base.entity';

/** 专家: a researcher's public profile, one per researcher account. */
@Entity('experts')
export class ExpertEntity extends ListingBaseEntity {
  @Column('text')
  name!: string;

  @Column('text')
  institution!: string;

  /** 职称, e.g. 教授 / 研究员 / 高级工程师. */
  @Column('text')
  title!: string;

  /** Research fields. */
  @Column('text', { array: true })
  fields!: string[];

  @Column('text')
  bio!: string;
}
