import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One set of terms that mean the same in searches (光伏电池 = 太阳能电池 = 太阳电池). */
@Entity('synonym_groups')
export class SynonymGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { array: true })
  terms!: string[];

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
