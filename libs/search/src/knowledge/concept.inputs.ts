import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { MAX_PAGE_SIZE } from '@ttm/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConceptKindValue, ConceptLabelType, ConceptLanguage } from './concept.model';

const CONCEPT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MESSAGE = 'a concept id is lower-case ASCII words joined by - (e.g. warpknit-yarn-breakage) / 概念 id 须为小写英文单词加连字符';
export const MAX_BRIDGE_WEIGHT = 10;

@InputType()
export class ConceptLabelInput {
  @Field(() => ConceptLabelType)
  @IsEnum(ConceptLabelType)
  type!: ConceptLabelType;

  @Field(() => ConceptLanguage)
  @IsEnum(ConceptLanguage)
  language!: ConceptLanguage;

  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, 200, { message: 'a label must be 1–200 characters / 标签长度须为 1–200 个字符' })
  value!: string;
}

@InputType()
export class BridgeInput {
  @Field(() => ID, { description: 'What addresses the problem: a method, process, material or device' })
  @Matches(CONCEPT_ID, { message: ID_MESSAGE })
  target!: string;

  @Field(() => Float, { nullable: true, description: `Weight, above 0 and at most ${MAX_BRIDGE_WEIGHT} (default 1)` })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(MAX_BRIDGE_WEIGHT)
  weight?: number;
}

/** The fields of a concept an update may replace; each given field replaces the old value whole. */
@InputType()
export class UpdateConceptInput {
  @Field(() => ConceptKindValue, { nullable: true })
  @IsOptional()
  @IsEnum(ConceptKindValue)
  kind?: ConceptKindValue;

  @Field(() => [ConceptLabelInput], { nullable: true, description: 'Exactly one Chinese PREF label, at most one English one; at most 100 labels' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ConceptLabelInput)
  labels?: ConceptLabelInput[];

  @Field(() => [String], { nullable: true, description: 'Industry codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  industries?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CONCEPT_ID, { each: true, message: ID_MESSAGE })
  broader?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CONCEPT_ID, { each: true, message: ID_MESSAGE })
  related?: string[];

  @Field(() => [BridgeInput], { nullable: true, description: 'Problems and properties only: what addresses it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BridgeInput)
  addressedBy?: BridgeInput[];

  @Field(() => [String], { nullable: true, description: 'Editorial notes (needed on each concept that shares a label with another)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  notes?: string[];
}

@InputType()
export class CreateConceptInput extends UpdateConceptInput {
  @Field(() => ID)
  @Matches(CONCEPT_ID, { message: ID_MESSAGE })
  @MaxLength(120)
  id!: string;

  @Field(() => ConceptKindValue)
  @IsEnum(ConceptKindValue)
  declare kind: ConceptKindValue;

  @Field(() => [ConceptLabelInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ConceptLabelInput)
  declare labels: ConceptLabelInput[];
}

export enum ConceptLinkType {
  BROADER = 'BROADER',
  RELATED = 'RELATED',
  ADDRESSED_BY = 'ADDRESSED_BY',
}
registerEnumType(ConceptLinkType, { name: 'ConceptLinkType', description: 'BROADER: from is narrower than to; RELATED: associative (symmetric); ADDRESSED_BY: the problem from is addressed by to' });

@InputType()
export class ConceptLinkInput {
  @Field(() => ID)
  @Matches(CONCEPT_ID, { message: ID_MESSAGE })
  from!: string;

  @Field(() => ID)
  @Matches(CONCEPT_ID, { message: ID_MESSAGE })
  to!: string;

  @Field(() => ConceptLinkType)
  @IsEnum(ConceptLinkType)
  type!: ConceptLinkType;

  @Field(() => Float, { nullable: true, description: `ADDRESSED_BY only: weight, above 0 and at most ${MAX_BRIDGE_WEIGHT} (default 1; linking again changes it)` })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(MAX_BRIDGE_WEIGHT)
  weight?: number;
}

@ArgsType()
export class ConceptsArgs {
  @Field(() => String, { nullable: true, description: 'Finds concepts by any label (Chinese or English, hidden ones too): exact names first, then prefixes, then the rest' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string;

  @Field(() => ConceptKindValue, { nullable: true })
  @IsOptional()
  @IsEnum(ConceptKindValue)
  kind?: ConceptKindValue;

  @Field(() => String, { nullable: true, description: 'An industry code; its sub-industries count too' })
  @IsOptional()
  @IsString()
  industry?: string;

  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default 20)` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string;
}

export enum KnowledgeImportMode {
  MERGE = 'MERGE',
  REPLACE = 'REPLACE',
}
registerEnumType(KnowledgeImportMode, {
  name: 'KnowledgeImportMode',
  description: 'MERGE: the Turtle adds concepts and replaces those with the same id; REPLACE: the graph becomes exactly the Turtle (others are deleted)',
});

@ArgsType()
export class ImportKnowledgeGraphArgs {
  @Field({ description: 'SKOS Turtle, as exportKnowledgeGraph writes it' })
  @IsString()
  @MaxLength(20_000_000)
  turtle!: string;

  @Field(() => KnowledgeImportMode, { defaultValue: KnowledgeImportMode.MERGE })
  @IsEnum(KnowledgeImportMode)
  mode!: KnowledgeImportMode;

  @Field({ defaultValue: false, description: 'Only report what the import would do' })
  @IsBoolean()
  dryRun!: boolean;
}
