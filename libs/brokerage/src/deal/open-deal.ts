import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { IntroductionEntity, MatchEntity } from '../match/match.entity';
import { DealActivityAction, DealStage } from './deal-enums';
import { DealActivityEntity, DealEntity } from './deal.entity';

/**
 * What happens, inside the accepting transaction, when the second side of a match accepts: the
 * introduction is recorded with the broker and a deal opens in NEGOTIATING with its first log entry.
 */
export async function openDealForMatch(manager: EntityManager, match: MatchEntity, actorId: string, at: Date): Promise<DealEntity> {
  await manager.insert(IntroductionEntity, {
    matchId: match.id,
    brokerId: match.brokerId,
    needOwnerId: match.needOwnerId,
    counterpartOwnerId: match.counterpartOwnerId,
    introducedAt: at,
  });
  const deal = Object.assign(new DealEntity(), {
    id: randomUUID(),
    matchId: match.id,
    brokerId: match.brokerId,
    needOwnerId: match.needOwnerId,
    counterpartOwnerId: match.counterpartOwnerId,
    industry: match.industry,
    stage: DealStage.NEGOTIATING,
    failureReason: null,
    createdAt: at,
    updatedAt: at,
    signedAt: null,
    closedAt: null,
    version: 1,
  });
  await manager.insert(DealEntity, deal);
  await manager.insert(DealActivityEntity, {
    dealId: deal.id,
    actorId,
    action: DealActivityAction.OPENED,
    fromStage: null,
    toStage: DealStage.NEGOTIATING,
    detail: '双方接受撮合，进入洽谈',
    at,
  });
  return deal;
}
