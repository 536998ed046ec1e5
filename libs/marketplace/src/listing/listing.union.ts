import { createUnionType, Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@ttm/graphql';
import { ChallengeEntity } from '../challenge/challenge.entity';
import { ChallengeModel } from '../challenge/challenge.model';
import { ExpertEntity } from '../expert/expert.entity';
import { ExpertModel } from '../expert/expert.model';
import { NeedEntity } from '../need/need.entity';
import { NeedModel } from '../need/need.model';
import { ResultModel } from '../result/result.model';
import { AnyListingEntity } from './listing-kinds';
import { Viewer } from './visibility';

export type AnyListingModel = NeedModel | ResultModel | ExpertModel | ChallengeModel;

/** Any listing this service owns (moderation works across kinds). */
export const ListingUnion = createUnionType({
  name: 'Listing',
  description: 'A need, result, expert profile or challenge',
  types: () => [NeedModel, ResultModel, ExpertModel, ChallengeModel] as const,
  resolveType: (value: AnyListingModel) => {
    if (value instanceof NeedModel) return NeedModel;
    if (value instanceof ResultModel) return ResultModel;
    if (value instanceof ChallengeModel) return ChallengeModel;
    return ExpertModel;
  },
});

export function presentListing(entity: AnyListingEntity, viewer: Viewer): AnyListingModel {
  if (entity instanceof NeedEntity) return NeedModel.from(entity, viewer);
  if (entity instanceof ExpertEntity) return ExpertModel.from(entity, viewer);
  if (entity instanceof ChallengeEntity) return ChallengeModel.from(entity, viewer);
  return ResultModel.from(entity, viewer);
}

@ObjectType('ListingEdge')
export class ListingEdge {
  @Field(() => ListingUnion)
  node!: AnyListingModel;

  @Field()
  cursor!: string;
}

@ObjectType('ListingConnection')
export class ListingConnection {
  @Field(() => [ListingEdge])
  edges!: ListingEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
