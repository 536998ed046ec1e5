import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SearchFilters } from '../search/search.inputs';

/** A search a user keeps: every newly published listing it finds becomes a notification. */
@Entity('saved_searches')
export class SavedSearchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  userId!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  query!: string | null;

  @Column('text', { array: true })
  kinds!: string[];

  @Column('jsonb')
  filters!: SearchFilters;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
