import { createUnionType, Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@ttm/graphql';
import { ListingKind } from '@ttm/events';
import { ConceptRelation } from '../matching/concept-evidence';

export enum SearchKind {
  NEED = 'NEED',
  RESULT = 'RESULT',
  EXPERT = 'EXPERT',
  CHALLENGE = 'CHALLENGE',
}
registerEnumType(SearchKind, {
  name: 'ListingKind',
  valuesMap: {
    NEED: { description: '技术需求' },
    RESULT: { description: '科技成果' },
    EXPERT: { description: '专家' },
    CHALLENGE: { description: '揭榜挂帅榜单' },
  },
});

export enum SearchFacet {
  KIND = 'KIND',
  INDUSTRY = 'INDUSTRY',
  REGION = 'REGION',
  COOPERATION_MODE = 'COOPERATION_MODE',
  IP_TYPE = 'IP_TYPE',
  TRL = 'TRL',
  OPEN_LICENSE = 'OPEN_LICENSE',
  CONCEPT = 'CONCEPT',
}
registerEnumType(SearchFacet, {
  name: 'SearchFacet',
  description:
    'INDUSTRY and REGION count every level of the taxonomy (纺织 and 经编, 嘉兴市 and 海宁市); CONCEPT (技术领域) counts the knowledge-graph concepts listings name',
});

registerEnumType(ConceptRelation, {
  name: 'ConceptRelation',
  description: 'How a concept is reached from one the query names',
  valuesMap: {
    SAME: { description: '查询本身的概念' },
    BRIDGE: { description: '问题—方法关联：解决该问题的方法、工艺、材料或装备' },
    NARROWER: { description: '下位概念' },
    BROADER: { description: '上位概念' },
    RELATED: { description: '相关概念' },
  },
});

export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  BOUNTY_DESC = 'BOUNTY_DESC',
  DEADLINE_ASC = 'DEADLINE_ASC',
  TRL_DESC = 'TRL_DESC',
}
registerEnumType(SearchSort, {
  name: 'SearchSort',
  valuesMap: {
    RELEVANCE: { description: '相关度 (default)' },
    NEWEST: { description: '最新发布' },
    PRICE_ASC: { description: '价格从低到高 (results: asking price; needs: budget ceiling; challenges: bounty)' },
    PRICE_DESC: { description: '价格从高到低' },
    BOUNTY_DESC: { description: '榜额从高到低 (challenges)' },
    DEADLINE_ASC: { description: '截止日期最近' },
    TRL_DESC: { description: '技术成熟度从高到低' },
  },
});

// Stubs of the marketplace's entities: the gateway fetches their fields from the marketplace, which
// applies its own visibility rules (a listing unpublished a moment ago resolves to null).
@ObjectType('Need')
@Directive('@key(fields: "id", resolvable: false)')
export class NeedReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Result')
@Directive('@key(fields: "id", resolvable: false)')
export class ResultReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Expert')
@Directive('@key(fields: "id", resolvable: false)')
export class ExpertReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Challenge')
@Directive('@key(fields: "id", resolvable: false)')
export class ChallengeReference {
  @Field(() => ID)
  id!: string;
}

export type ListingReference = { id: string; kind: ListingKind };

const REFERENCE_TYPES = { NEED: NeedReference, RESULT: ResultReference, EXPERT: ExpertReference, CHALLENGE: ChallengeReference } as const;

export const ListingUnion = createUnionType({
  name: 'Listing',
  types: () => [NeedReference, ResultReference, ExpertReference, ChallengeReference] as const,
  resolveType: (value: ListingReference) => REFERENCE_TYPES[value.kind as keyof typeof REFERENCE_TYPES],
});

@ObjectType()
export class SearchHighlight {
  @Field({ description: 'title, keywords, description, organizationName, institution' })
  field!: string;

  @Field(() => [String], { description: 'HTML-escaped snippets with matches wrapped in <em>…</em>' })
  snippets!: string[];
}

@ObjectType()
export class SearchHit {
  @Field(() => SearchKind)
  kind!: ListingKind;

  @Field(() => ID)
  id!: string;

  @Field(() => Float, { description: 'Relevance in [0, 1]' })
  score!: number;

  @Field(() => [SearchHighlight])
  highlights!: SearchHighlight[];

  @Field(() => ListingUnion, { nullable: true, description: 'The listing itself; null if it stopped being public since it was indexed' })
  node!: ListingReference | null;
}

@ObjectType()
export class FacetValue {
  @Field()
  value!: string;

  @Field({ description: 'Chinese name of the value (industry, region, cooperation mode …)' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Parent value in the taxonomy (INDUSTRY, REGION)' })
  parent!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class FacetDistribution {
  @Field(() => SearchFacet)
  facet!: SearchFacet;

  @Field(() => [FacetValue])
  values!: FacetValue[];
}

@ObjectType({ description: 'A knowledge-graph concept a search was expanded with' })
export class ExpansionConcept {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Chinese name of the concept' })
  label!: string;

  @Field(() => ConceptRelation)
  relation!: ConceptRelation;

  @Field({ description: 'The concept of the query it was reached from (its own label for SAME)' })
  fromLabel!: string;
}

@ObjectType()
export class ExpandedSearchHit {
  @Field(() => SearchHit)
  hit!: SearchHit;

  @Field(() => ExpansionConcept, { description: 'The expanded concept this listing names (the strongest)' })
  concept!: ExpansionConcept;
}

@ObjectType({ description: 'Listings the query words did not find on this page but its concepts did (shown below the literal results)' })
export class SearchExpansion {
  @Field(() => [ExpansionConcept])
  concepts!: ExpansionConcept[];

  @Field(() => [ExpandedSearchHit])
  hits!: ExpandedSearchHit[];
}

@ObjectType()
export class SearchResponse {
  @Field(() => [SearchHit])
  hits!: SearchHit[];

  @Field(() => [FacetDistribution])
  facetDistribution!: FacetDistribution[];

  @Field(() => Int)
  totalHits!: number;

  @Field(() => Int)
  processingTimeMs!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => SearchExpansion, { nullable: true, description: 'On the first page of a query that names knowledge-graph concepts' })
  expansion!: SearchExpansion | null;
}
