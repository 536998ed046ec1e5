import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { ListingKind } from '@ttm/events';
import { ListingReference, ListingUnion, SearchKind } from '../search/search.model';

@ObjectType({ description: 'A recommended counterpart of a listing, with the evidence for it' })
export class ListingMatch {
  @Field(() => SearchKind)
  kind!: ListingKind;

  @Field(() => ID)
  id!: string;

  @Field(() => Float, { description: 'How well the pair fits, in [0, 1]' })
  score!: number;

  @Field(() => [String], {
    description: 'Why, in Chinese, each a fact of the pair: 关键词匹配: 钙钛矿, 叠层电池 · 同属行业: 光伏新能源 · 成熟度 TRL 7 ≥ 需求要求 6 · 报价 80 万在预算 50–120 万内 · 可许可 / 需求接受许可 · 同在嘉兴市',
  })
  reasons!: string[];

  @Field(() => ListingUnion, { nullable: true, description: 'The listing itself; null if it stopped being public since it was indexed' })
  node!: ListingReference | null;
}
