import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { CatalogListingModel, presentCatalog } from '../listing/listing-base.model';
import { Viewer } from '../listing/visibility';
import { IpType } from '@ttm/taxonomy';
import { ResultEntity } from './result.entity';

@ObjectType('Result', { description: '科技成果 — a research result offered for transfer, licence or cooperation' })
@Directive('@key(fields: "id")')
export class ResultModel extends CatalogListingModel {
  @Field(() => Int, { description: '技术成熟度 (TRL) 1–9' })
  trl!: number;

  @Field(() => IpType)
  ipType!: IpType;

  @Field(() => [String])
  patentNumbers!: string[];

  @Field(() => Int, { nullable: true, description: 'CNY; null = 面议 (to be negotiated)' })
  askingPrice!: number | null;

  @Field()
  openLicense!: boolean;

  @Field(() => String, { nullable: true })
  openLicenseTerms!: string | null;

  /** The result as `viewer` may see it. */
  static from(entity: ResultEntity, viewer: Viewer): ResultModel {
    return Object.assign(new ResultModel(), {
      ...presentCatalog(entity, viewer),
      trl: entity.trl,
      ipType: entity.ipType,
      patentNumbers: [...entity.patentNumbers],
      askingPrice: entity.askingPrice,
      openLicense: entity.openLicense,
      openLicenseTerms: entity.openLicenseTerms,
    });
  }
}

export const ResultConnection = ConnectionType(ResultModel, 'Result');
