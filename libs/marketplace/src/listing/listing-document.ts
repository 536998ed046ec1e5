import { chinaDate } from '@ttm/clock';
import { ListingDocument } from '@ttm/events';
import { ChallengeEntity } from '../challenge/challenge.entity';
import { ExpertEntity } from '../expert/expert.entity';
import { NeedEntity } from '../need/need.entity';
import { ResultEntity } from '../result/result.entity';
import { AnyListingEntity, kindOf } from './listing-kinds';

type CommonDocumentFields = Pick<ListingDocument, 'id' | 'version' | 'industry' | 'region' | 'ownerId' | 'publishedAt' | 'updatedAt'>;

const EMPTY_KIND_FIELDS = {
  budgetMin: null,
  budgetMax: null,
  askingPrice: null,
  bounty: null,
  trl: null,
  ipType: null,
  openLicense: false,
  institution: null,
  expertTitle: null,
  deadline: null,
} satisfies Partial<ListingDocument>;

/**
 * The public document of a listing, as the search service indexes it. The one builder: contact
 * details never go in, and an anonymous need's organisation is left out.
 */
export function toListingDocument(entity: AnyListingEntity): ListingDocument {
  const common: CommonDocumentFields = {
    id: entity.id,
    version: entity.version,
    industry: entity.industry,
    region: entity.regionCode,
    ownerId: entity.ownerId,
    publishedAt: (entity.publishedAt ?? entity.updatedAt).toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
  const kind = kindOf(entity);
  if (entity instanceof NeedEntity) {
    return {
      ...EMPTY_KIND_FIELDS,
      ...common,
      kind,
      title: entity.title,
      description: entity.description,
      keywords: [...entity.keywords],
      organizationName: entity.anonymous ? null : entity.organizationName,
      cooperationModes: [...entity.cooperationModes],
      budgetMin: entity.budgetMin,
      budgetMax: entity.budgetMax,
      trl: entity.minTrl,
      deadline: entity.deadline,
    };
  }
  if (entity instanceof ResultEntity) {
    return {
      ...EMPTY_KIND_FIELDS,
      ...common,
      kind,
      title: entity.title,
      description: entity.description,
      keywords: [...entity.keywords],
      organizationName: entity.organizationName,
      cooperationModes: [...entity.cooperationModes],
      askingPrice: entity.askingPrice,
      trl: entity.trl,
      ipType: entity.ipType,
      openLicense: entity.openLicense,
    };
  }
  if (entity instanceof ChallengeEntity) {
    return {
      ...EMPTY_KIND_FIELDS,
      ...common,
      kind,
      title: entity.title,
      description: entity.description,
      keywords: [...entity.keywords],
      organizationName: entity.organizationName,
      cooperationModes: [],
      bounty: entity.bounty,
      deadline: chinaDate(entity.applicationClosesAt),
    };
  }
  const expert: ExpertEntity = entity;
  return {
    ...EMPTY_KIND_FIELDS,
    ...common,
    kind,
    title: expert.name,
    description: expert.bio,
    keywords: [...expert.fields],
    organizationName: expert.institution,
    cooperationModes: [],
    institution: expert.institution,
    expertTitle: expert.title,
  };
}
