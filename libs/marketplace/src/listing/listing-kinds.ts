import { ChallengeEntity } from '../challenge/challenge.entity';
import { ExpertEntity } from '../expert/expert.entity';
import { NeedEntity } from '../need/need.entity';
import { ResultEntity } from '../result/result.entity';

/** The listing kinds this service owns. */
export type MarketplaceKind = 'NEED' | 'RESULT' | 'EXPERT' | 'CHALLENGE';
export const MARKETPLACE_KINDS: readonly MarketplaceKind[] = ['NEED', 'RESULT', 'EXPERT', 'CHALLENGE'];

export type AnyListingEntity = NeedEntity | ResultEntity | ExpertEntity | ChallengeEntity;

export interface ListingEntityOf {
  NEED: NeedEntity;
  RESULT: ResultEntity;
  EXPERT: ExpertEntity;
  CHALLENGE: ChallengeEntity;
}

export const LISTING_ENTITIES = { NEED: NeedEntity, RESULT: ResultEntity, EXPERT: ExpertEntity, CHALLENGE: ChallengeEntity } as const;

/** What error messages call each kind. */
export const KIND_LABELS: Record<MarketplaceKind, string> = { NEED: 'Need', RESULT: 'Result', EXPERT: 'Expert profile', CHALLENGE: 'Challenge' };

export function kindOf(entity: AnyListingEntity): MarketplaceKind {
  if (entity instanceof NeedEntity) return 'NEED';
  if (entity instanceof ResultEntity) return 'RESULT';
  if (entity instanceof ChallengeEntity) return 'CHALLENGE';
  return 'EXPERT';
}
