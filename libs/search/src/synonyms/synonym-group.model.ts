import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';

@ObjectType({ description: 'A group of search synonyms: a knowledge-graph concept flagged searchSynonyms, its terms the pref and alt labels' })
export class SynonymGroup {
  @Field(() => ID, { description: 'The id of the concept (see concept(id:))' })
  id!: string;

  @Field(() => [String], { description: 'Terms searched as one (e.g. 光伏电池, 太阳能电池, 太阳电池)' })
  terms!: string[];

  @Field()
  updatedAt!: Date;
}

@InputType()
export class SynonymGroupInput {
  @Field(() => [String], { description: '2–20 terms of 1–64 characters; a term may belong to one group only' })
  @IsArray()
  @ArrayMinSize(2, { message: 'terms needs at least 2 terms' })
  @ArrayMaxSize(20, { message: 'terms allows at most 20 terms' })
  @IsString({ each: true })
  @Length(1, 64, { each: true, message: 'each term must be 1–64 characters' })
  terms!: string[];
}
