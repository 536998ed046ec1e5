import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { CONCEPT_KINDS, ConceptRecord, prefLabel } from '@ttm/knowledge';
import type { StoredConcept } from './concept.repository';

export enum ConceptKindValue {
  PROBLEM = 'PROBLEM',
  METHOD = 'METHOD',
  PROCESS = 'PROCESS',
  MATERIAL = 'MATERIAL',
  DEVICE = 'DEVICE',
  PRODUCT = 'PRODUCT',
  FIELD = 'FIELD',
  PROPERTY = 'PROPERTY',
}
registerEnumType(ConceptKindValue, { name: 'ConceptKind', description: 'What a concept is: 问题, 方法, 工艺, 材料, 设备, 产品, 领域, 性能' });
// The GraphQL enum and the graph's kinds are one list.
const _sameKinds: readonly `${ConceptKindValue}`[] = CONCEPT_KINDS;

export enum ConceptLabelType {
  PREF = 'PREF',
  ALT = 'ALT',
  HIDDEN = 'HIDDEN',
}
registerEnumType(ConceptLabelType, { name: 'ConceptLabelType', description: 'PREF: the name shown (one per language); ALT: synonyms, abbreviations; HIDDEN: shop-floor words and mis-writings, matched but never shown' });

export enum ConceptLanguage {
  ZH = 'zh',
  EN = 'en',
}
registerEnumType(ConceptLanguage, { name: 'ConceptLanguage' });

@ObjectType()
export class ConceptLabelView {
  @Field(() => ConceptLabelType)
  type!: ConceptLabelType;

  @Field(() => ConceptLanguage)
  language!: ConceptLanguage;

  @Field()
  value!: string;
}

@ObjectType({ description: '概念: a concept of the knowledge graph (SKOS)' })
export class Concept {
  @Field(() => ID, { description: 'Stable id, e.g. warpknit-yarn-breakage (the local name of https://kg.techbridge.cn/concept/…)' })
  id!: string;

  @Field(() => ConceptKindValue)
  kind!: ConceptKindValue;

  @Field({ description: 'The Chinese name' })
  prefLabel!: string;

  @Field(() => String, { nullable: true, description: 'The English name, if any' })
  englishLabel!: string | null;

  @Field(() => [ConceptLabelView])
  labels!: ConceptLabelView[];

  @Field(() => [String], { description: 'Industry codes (see the industry taxonomy)' })
  industries!: string[];

  @Field(() => [String], { description: 'Editorial notes (skos:editorialNote)' })
  notes!: string[];

  @Field({ description: 'Its pref and alt labels are a group of the search synonyms (同义词表)' })
  searchSynonyms!: boolean;

  @Field({ description: 'Edited through the API: seed updates no longer change it' })
  curated!: boolean;

  @Field(() => ID, { nullable: true, description: 'Who changed it last (null: the seed files)' })
  updatedBy!: string | null;

  @Field()
  updatedAt!: Date;

  /** The record, for the link fields. */
  record!: ConceptRecord;
}

@ObjectType({ description: 'A bridge link: a problem → what detects, solves or prevents it' })
export class ConceptBridge {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Float)
  weight!: number;
}

@ObjectType()
export class ConceptConnection extends ConnectionType(Concept, 'Concept') {}

@ObjectType()
export class ConceptKindCount {
  @Field(() => ConceptKindValue)
  kind!: ConceptKindValue;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'The progress of re-annotating the listing index with the graph' })
export class ReannotationProgress {
  @Field()
  state!: string;

  @Field(() => Int)
  documents!: number;

  @Field()
  startedAt!: string;

  @Field(() => String, { nullable: true })
  finishedAt!: string | null;
}

@ObjectType({ description: '领域词表: the knowledge graph as a whole' })
export class ConceptScheme {
  @Field({ description: 'The version listings are annotated with: seed version and revision' })
  version!: string;

  @Field(() => String, { nullable: true })
  seedVersion!: string | null;

  @Field(() => Int, { description: '+1 with every change' })
  revision!: number;

  @Field()
  updatedAt!: Date;

  @Field(() => Int)
  concepts!: number;

  @Field(() => Int)
  labels!: number;

  @Field(() => Int)
  broaderLinks!: number;

  @Field(() => Int)
  relatedLinks!: number;

  @Field(() => Int)
  bridges!: number;

  @Field(() => Int)
  synonymGroups!: number;

  @Field(() => Int, { description: 'Concepts edited through the API' })
  curatedConcepts!: number;

  @Field(() => [ConceptKindCount])
  byKind!: ConceptKindCount[];

  @Field(() => ReannotationProgress, { nullable: true, description: 'The latest rebuild of the index (null if none since the service started)' })
  reannotation!: ReannotationProgress | null;
}

@ObjectType()
export class KnowledgeGraphProblem {
  @Field()
  concept!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'What a SKOS Turtle import did (or, with errors or dryRun, would do)' })
export class KnowledgeImportReport {
  @Field({ description: 'false: nothing was written (errors, or a dry run)' })
  applied!: boolean;

  @Field(() => Int, { description: 'Concepts in the Turtle' })
  concepts!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int, { description: 'REPLACE only: concepts not in the Turtle, deleted' })
  deleted!: number;

  @Field(() => [KnowledgeGraphProblem])
  errors!: KnowledgeGraphProblem[];
}

export function toConceptModel(stored: StoredConcept): Concept {
  const { record } = stored;
  const english = record.labels.find((label) => label.type === 'PREF' && label.language === 'en');
  return {
    id: record.id,
    kind: record.kind as ConceptKindValue,
    prefLabel: prefLabel(record),
    englishLabel: english?.value ?? null,
    labels: record.labels.map((label) => ({ type: label.type as ConceptLabelType, language: label.language as ConceptLanguage, value: label.value })),
    industries: record.industries,
    notes: record.notes,
    searchSynonyms: record.searchSynonyms === true,
    curated: stored.curatedAt !== null,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt,
    record,
  };
}
