import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import { regionName } from '@ttm/taxonomy';
import { OrganizationEntity, OrganizationType } from './organization.entity';

registerEnumType(OrganizationType, {
  name: 'OrganizationType',
  valuesMap: {
    ENTERPRISE: { description: '企业' },
    UNIVERSITY: { description: '高校' },
    INSTITUTE: { description: '科研院所' },
    BROKER_AGENCY: { description: '技术经纪机构' },
  },
});

/** An enterprise, university, institute or broker agency; `members` is resolved in OrganizationsResolver. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganizationType)
  type!: OrganizationType;

  @Field({ description: 'GB/T 2260 administrative division code' })
  regionCode!: string;

  @Field()
  regionName!: string;

  @Field({ description: '统一社会信用代码 (GB 32100-2015)' })
  creditCode!: string;

  @Field({ description: 'Checked by an administrator (科技局)' })
  verified!: boolean;

  @Field(() => Date, { nullable: true })
  verifiedAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export function toOrganization(entity: OrganizationEntity): Organization {
  return Object.assign(new Organization(), {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    regionCode: entity.regionCode,
    regionName: regionName(entity.regionCode),
    creditCode: entity.creditCode,
    verified: entity.verifiedAt !== null,
    verifiedAt: entity.verifiedAt,
    createdAt: entity.createdAt,
  });
}

export const OrganizationConnection = ConnectionType(Organization, 'Organization');
