import { ExpertEntity } from '../expert/expert.entity';
import { NeedEntity } from '../need/need.entity';
import { ResultEntity } from '../result/result.entity';

/** The listing kinds this service owns (challenges will join them). */
export type MarketplaceKind = 'NEED' | 'RESULT' | 'EXPERT';
export const MARKETPLACE_KINDS: readonly MarketplaceKind[] = ['NEED', 'RESULT', 'EXPERT'];

export type AnyListingEntity = NeedEntity | ResultEntity | ExpertEntity;

export interface ListingEntityOf {
  NEED: NeedEntity;
  RESULT: ResultEntity;
  EXPERT: ExpertEntity;
}

export const LISTING_ENTITIES = { NEED: NeedEntity, RESULT: ResultEntity, EXPERT: ExpertEntity } as const;

/** What error messages call each kind. */
export const KIND_LABELS: Record<MarketplaceKind, string> = { NEED: 'Need', RESULT: 'Result', EXPERT: 'Expert profile' };

export function kindOf(entity: AnyListingEntity): MarketplaceKind {
  if (entity instanceof NeedEntity) return 'NEED';
  if (entity instanceof ResultEntity) return 'RESULT';
  return 'EXPERT';
}
