import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CooperationMode, industryName, regionName } from '@ttm/taxonomy';
import { CatalogListingEntity, ListingBaseEntity } from './listing-base.entity';
import { ListingStatus } from './listing-status';
import { canSeeContact, canSeePublisher, isOwner, managesListing, Viewer } from './visibility';

/** The identity service's `User`, referenced by id only (Federation 2 stub). */
@ObjectType('User')
@Directive('@key(fields: "id", resolvable: false)')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('ListingContact', { description: '联系方式 — shown only to those allowed to contact the publisher' })
export class ListingContact {
  @Field()
  name!: string;

  @Field()
  phone!: string;

  @Field()
  email!: string;
}

@ObjectType({ isAbstract: true })
export abstract class ListingBaseModel {
  @Field(() => ID)
  id!: string;

  @Field(() => UserRef, { nullable: true, description: 'Who published it; null on anonymous needs unless you own it or are an administrator' })
  owner!: UserRef | null;

  @Field({ description: 'Industry code (see the taxonomy)' })
  industry!: string;

  @Field({ description: 'Industry name, e.g. 时尚纺织' })
  industryName!: string;

  @Field({ description: 'GB/T 2260 region code' })
  regionCode!: string;

  @Field()
  regionName!: string;

  @Field(() => ListingContact, { nullable: true, description: 'null unless you own the listing or are an administrator' })
  contact!: ListingContact | null;

  @Field(() => ListingStatus)
  status!: ListingStatus;

  @Field(() => String, { nullable: true, description: 'Why an administrator rejected it; only its owner and administrators see it' })
  rejectionReason!: string | null;

  @Field(() => Int, { description: 'Increases with every change' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last submitted for review' })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was first published' })
  publishedAt!: Date | null;

  @Field({ description: 'Whether the signed-in caller owns this listing' })
  viewerIsOwner!: boolean;
}

@ObjectType({ isAbstract: true })
export abstract class CatalogListingModel extends ListingBaseModel {
  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  keywords!: string[];

  @Field(() => [CooperationMode])
  cooperationModes!: CooperationMode[];

  @Field(() => String, { nullable: true, description: '发布单位; hidden on anonymous needs unless you own it or are an administrator' })
  organizationName!: string | null;
}

/** The fields every kind presents, with the visibility rules applied for `viewer`. */
export function presentBase(entity: ListingBaseEntity & { anonymous?: boolean }, viewer: Viewer): ListingBaseModel {
  const manages = managesListing(viewer, entity);
  return {
    id: entity.id,
    owner: canSeePublisher(viewer, entity) ? { id: entity.ownerId } : null,
    industry: entity.industry,
    industryName: industryName(entity.industry),
    regionCode: entity.regionCode,
    regionName: regionName(entity.regionCode),
    contact: canSeeContact(viewer, entity) ? { ...entity.contact } : null,
    status: entity.status,
    rejectionReason: manages ? entity.rejectionReason : null,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    submittedAt: manages ? entity.submittedAt : null,
    publishedAt: entity.publishedAt,
    viewerIsOwner: isOwner(viewer, entity),
  };
}

export function presentCatalog(entity: CatalogListingEntity & { anonymous?: boolean }, viewer: Viewer): CatalogListingModel {
  return {
    ...presentBase(entity, viewer),
    title: entity.title,
    description: entity.description,
    keywords: [...entity.keywords],
    cooperationModes: [...entity.cooperationModes],
    organizationName: canSeePublisher(viewer, entity) ? entity.organizationName : null,
  };
}
