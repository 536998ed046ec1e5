import type { ConceptKind, LabelLanguage, LabelType } from '@ttm/knowledge';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The knowledge graph's tables live in their own schema (see the KnowledgeGraph migration). */
export const KNOWLEDGE_SCHEMA = 'knowledge';

export type ConceptOrigin = 'SEED' | 'CURATOR' | 'SYNONYMS';

/** One concept; its labels and links are rows of the tables below. */
@Entity({ name: 'concepts', schema: KNOWLEDGE_SCHEMA })
export class ConceptEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  kind!: ConceptKind;

  @Column('text', { array: true })
  industries!: string[];

  @Column('text', { array: true })
  notes!: string[];

  @Column('boolean')
  searchSynonyms!: boolean;

  @Column('text')
  origin!: ConceptOrigin;

  /** Edited through the API: the seed leaves it alone from then on. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  curatedAt!: Date | null;

  /** Deleted through the API (a tombstone the seed does not resurrect). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt!: Date | null;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

@Entity({ name: 'labels', schema: KNOWLEDGE_SCHEMA })
export class ConceptLabelEntity {
  @PrimaryColumn('text')
  conceptId!: string;

  /** The order labels were given in (the first Chinese prefLabel is the name shown). */
  @PrimaryColumn('int')
  position!: number;

  @Column('text')
  type!: LabelType;

  @Column('text')
  language!: LabelLanguage;

  @Column('text')
  value!: string;
}

@Entity({ name: 'broader', schema: KNOWLEDGE_SCHEMA })
export class BroaderLinkEntity {
  @PrimaryColumn('text')
  conceptId!: string;

  @PrimaryColumn('text')
  broaderId!: string;

  @Column('int')
  position!: number;
}

@Entity({ name: 'related', schema: KNOWLEDGE_SCHEMA })
export class RelatedLinkEntity {
  @PrimaryColumn('text')
  conceptId!: string;

  @PrimaryColumn('text')
  relatedId!: string;

  @Column('int')
  position!: number;
}

/** A problem (or property) → what detects, solves or prevents it, with its weight. */
@Entity({ name: 'bridges', schema: KNOWLEDGE_SCHEMA })
export class BridgeLinkEntity {
  @PrimaryColumn('text')
  problemId!: string;

  @PrimaryColumn('text')
  targetId!: string;

  @Column('double precision')
  weight!: number;

  @Column('int')
  position!: number;
}

/** The single row that versions the graph: seed files imported, and a revision bumped by every change. */
@Entity({ name: 'graph_version', schema: KNOWLEDGE_SCHEMA })
export class GraphVersionEntity {
  @PrimaryColumn('boolean')
  singleton!: boolean;

  @Column('text', { nullable: true })
  seedVersion!: string | null;

  @Column('int')
  revision!: number;

  @Column('boolean')
  synonymsImported!: boolean;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

export const KNOWLEDGE_ENTITIES = [ConceptEntity, ConceptLabelEntity, BroaderLinkEntity, RelatedLinkEntity, BridgeLinkEntity, GraphVersionEntity];
