import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { CatalogListingModel, presentCatalog } from '../listing/listing-base.model';
import { Viewer } from '../listing/visibility';
import { NeedEntity } from './need.entity';

@ObjectType('Need', { description: '技术需求 — an enterprise’s technical problem' })
@Directive('@key(fields: "id")')
export class NeedModel extends CatalogListingModel {
  @Field(() => Int, { nullable: true, description: 'Lowest budget, CNY; null with budgetMax null = 面议' })
  budgetMin!: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest budget, CNY' })
  budgetMax!: number | null;

  @Field(() => String, { nullable: true, description: 'Deadline (YYYY-MM-DD)' })
  deadline!: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest TRL a solution must have' })
  minTrl!: number | null;

  @Field({ description: 'The publisher is hidden from the public' })
  anonymous!: boolean;

  /** The need as `viewer` may see it. */
  static from(entity: NeedEntity, viewer: Viewer): NeedModel {
    return Object.assign(new NeedModel(), {
      ...presentCatalog(entity, viewer),
      budgetMin: entity.budgetMin,
      budgetMax: entity.budgetMax,
      deadline: entity.deadline,
      minTrl: entity.minTrl,
      anonymous: entity.anonymous,
    });
  }
}

export const NeedConnection = ConnectionType(NeedModel, 'Need');
