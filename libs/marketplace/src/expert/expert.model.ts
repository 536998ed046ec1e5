import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { ListingBaseModel, presentBase } from '../listing/listing-base.model';
import { Viewer } from '../listing/visibility';
import { ExpertEntity } from './expert.entity';

@ObjectType('Expert', { description: '专家 — a researcher’s public profile' })
@Directive('@key(fields: "id")')
export class ExpertModel extends ListingBaseModel {
  @Field()
  name!: string;

  @Field()
  institution!: string;

  @Field({ description: '职称' })
  title!: string;

  @Field(() => [String], { description: 'Research fields' })
  fields!: string[];

  @Field()
  bio!: string;

  /** The profile as `viewer` may see it. */
  static from(entity: ExpertEntity, viewer: Viewer): ExpertModel {
    return Object.assign(new ExpertModel(), {
      ...presentBase(entity, viewer),
      name: entity.name,
      institution: entity.institution,
      title: entity.title,
      fields: [...entity.fields],
      bio: entity.bio,
    });
  }
}

export const ExpertConnection = ConnectionType(ExpertModel, 'Expert');
