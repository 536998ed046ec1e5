import { AuthUser } from '@ttm/auth';
import { BrokerRatingEntity } from '../rating/broker-rating.entity';
import { userRef } from '../user/user.model';
import { DealStage } from './deal-enums';
import { ContractEntity, DealActivityEntity, DealEntity } from './deal.entity';
import { BrokerRatingView, ContractView, DealActivityView, DealView } from './deal.model';
import { canMoveDeal } from './deal-state-machine';
import { isDealActor } from './deal.service';

export function toDealView(deal: DealEntity, viewer: AuthUser): DealView {
  return Object.assign(new DealView(), {
    id: deal.id,
    stage: deal.stage,
    version: deal.version,
    failureReason: deal.failureReason,
    broker: userRef(deal.brokerId),
    industry: deal.industry,
    createdAt: deal.createdAt,
    updatedAt: deal.updatedAt,
    signedAt: deal.signedAt,
    closedAt: deal.closedAt,
    nextStages: isDealActor(viewer, deal) ? Object.values(DealStage).filter((to) => canMoveDeal(deal.stage, to)) : [],
    record: deal,
  });
}

export const toContractView = (contract: ContractEntity): ContractView =>
  Object.assign(new ContractView(), {
    id: contract.id,
    type: contract.type,
    amount: contract.amount,
    signedOn: contract.signedOn,
    parties: contract.parties.map((party) => ({ name: party.name, role: party.role })),
    registeredBy: userRef(contract.registeredBy),
    registeredAt: contract.registeredAt,
  });

export const toRatingView = (rating: BrokerRatingEntity): BrokerRatingView =>
  Object.assign(new BrokerRatingView(), {
    id: rating.id,
    broker: userRef(rating.brokerId),
    rater: userRef(rating.raterId),
    stars: rating.stars,
    comment: rating.comment,
    createdAt: rating.createdAt,
  });

export const toActivityView = (activity: DealActivityEntity): DealActivityView =>
  Object.assign(new DealActivityView(), {
    actor: userRef(activity.actorId),
    action: activity.action,
    fromStage: activity.fromStage,
    toStage: activity.toStage,
    detail: activity.detail,
    at: activity.at,
  });
