import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IndustrySuggestion } from '../suggest/listing-tags.model';
import type { LeakKind, PublicField } from './leak-detection';
import type { CriterionKey } from './need-quality';

export enum NeedCriterionKey {
  PROBLEM_CLARITY = 'PROBLEM_CLARITY',
  MEASURABLE_TARGETS = 'MEASURABLE_TARGETS',
  CONTEXT = 'CONTEXT',
  COOPERATION = 'COOPERATION',
}
registerEnumType(NeedCriterionKey, {
  name: 'NeedCriterionKey',
  valuesMap: {
    PROBLEM_CLARITY: { description: '问题清晰度: object, symptom, current state' },
    MEASURABLE_TARGETS: { description: '可量化目标: numbers with units, target values' },
    CONTEXT: { description: '现状与约束: scale, equipment, what was tried, limits' },
    COOPERATION: { description: '合作预期: budget, mode, timeline, pilot, TRL' },
  },
});

export enum LeakWarningKind {
  ORGANIZATION_NAME = 'ORGANIZATION_NAME',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  ADDRESS = 'ADDRESS',
}
registerEnumType(LeakWarningKind, { name: 'LeakWarningKind' });

export enum NeedTextField {
  TITLE = 'TITLE',
  DESCRIPTION = 'DESCRIPTION',
  KEYWORDS = 'KEYWORDS',
}
registerEnumType(NeedTextField, { name: 'NeedTextField', description: 'A public text field of a need' });

@ObjectType({ description: 'One of the four criteria of the quality score' })
export class NeedCriterion {
  @Field(() => NeedCriterionKey)
  key!: CriterionKey;

  @Field({ description: 'Its name in Chinese, e.g. 可量化目标' })
  label!: string;

  @Field(() => Int, { description: '0–5' })
  score!: number;

  @Field(() => [String], { description: 'What to add, in Chinese, when the criterion is weak (score ≤ 3); empty otherwise' })
  fixes!: string[];
}

@ObjectType({ description: 'A technical term of the knowledge graph suggested as a keyword' })
export class SuggestedTerm {
  @Field(() => ID, { description: 'The concept of the knowledge graph' })
  concept!: string;

  @Field({ description: 'Its Chinese name, to add as a keyword' })
  label!: string;

  @Field({ description: 'Why, in Chinese: 问题“横条”的常用技术：织物疵点视觉检测' })
  why!: string;
}

@ObjectType({ description: 'A published need much like the draft: possibly the same need posted before' })
export class SimilarNeed {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'Similarity in [0, 1] (the matcher’s score)' })
  score!: number;
}

@ObjectType({ description: 'Something in the public text that gives the publisher away or bypasses the platform' })
export class LeakWarning {
  @Field(() => LeakWarningKind)
  kind!: LeakKind;

  @Field(() => NeedTextField, { description: 'Where it was found' })
  field!: PublicField;

  @Field({ description: 'The text found, as written' })
  found!: string;

  @Field({ description: 'What was found, where, and what to do, in Chinese' })
  message!: string;
}

@ObjectType({ description: '需求诊断: how well a draft need is written, and what would make it better' })
export class NeedAdvice {
  @Field(() => Int, { description: 'Quality score 0–20: the sum of the four criteria' })
  score!: number;

  @Field(() => Int, { description: 'The highest score (20)' })
  maxScore!: number;

  @Field(() => [NeedCriterion], { description: 'Problem clarity, measurable targets, context and constraints, cooperation expectations' })
  criteria!: NeedCriterion[];

  @Field(() => [SuggestedTerm], { description: 'Technical terms researchers would use for the problem, most relevant first (at most 8)' })
  suggestedTerms!: SuggestedTerm[];

  @Field(() => [String], { description: 'The most telling words of the text (as suggestListingTags), for keywords the graph has no term for' })
  textKeywords!: string[];

  @Field(() => [IndustrySuggestion], { description: 'Likely industries, best first (the first is the suggestion)' })
  industries!: IndustrySuggestion[];

  @Field(() => [SimilarNeed], { description: 'Published needs similar enough to be the same need (at most 3), most similar first' })
  possibleDuplicates!: SimilarNeed[];

  @Field(() => Int, { description: 'Published results that would match the need now (score ≥ 0.3; counted up to 50)' })
  matchingResults!: number;

  @Field(() => Int, { description: 'Experts who would match the need now (score ≥ 0.3; counted up to 50)' })
  matchingExperts!: number;

  @Field(() => [LeakWarning], { description: 'Contact details, addresses and (anonymous needs) the organisation’s name found in the public text' })
  leakWarnings!: LeakWarning[];
}
