import { Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '@ttm/auth';
import { clock, todayInChina } from '@ttm/clock';
import { inTransaction } from '@ttm/database';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, toConnection } from '@ttm/graphql';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { BrokerageErrors } from '../brokerage.errors';
import { BrokerRatingEntity } from '../rating/broker-rating.entity';
import { ContractType, DealActivityAction, DealStage } from './deal-enums';
import { ContractEntity, DealActivityEntity, DealEntity } from './deal.entity';
import { AdvanceDealInput, DealListArgs, RateBrokerInput, RegisterContractInput } from './deal.inputs';
import { canMoveDeal, isFinalStage, isSignedStage } from './deal-state-machine';

const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  DEVELOPMENT: '技术开发',
  TRANSFER: '技术转让',
  LICENCE: '技术许可',
  CONSULTING: '技术咨询',
  SERVICE: '技术服务',
};

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

/** The broker and the two parties act on a deal; administrators only read it. */
export const isDealActor = (user: AuthUser, deal: DealEntity): boolean =>
  user.id === deal.brokerId || user.id === deal.needOwnerId || user.id === deal.counterpartOwnerId;

export const canViewDeal = (user: AuthUser, deal: DealEntity): boolean => isDealActor(user, deal) || isAdmin(user);

/** Deals: stage moves, contract registration, ratings of the broker, the pipeline. */
@Injectable()
export class DealService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Moves a deal one stage on. The row is locked (SELECT … FOR UPDATE) and the caller's expectedVersion
   * must still be current, so of two simultaneous moves exactly one applies; the other gets CONFLICT
   * with the stage and version it lost to.
   */
  advance(user: AuthUser, input: AdvanceDealInput, now = clock.now()): Promise<DealEntity> {
    const reason = input.reason?.trim() || null;
    if (input.to === DealStage.FAILED && !reason) throw BrokerageErrors.failureReasonMissing();
    if (input.to !== DealStage.FAILED && reason) throw BrokerageErrors.reasonOnlyForFailure();
    return inTransaction(this.dataSource, async (manager) => {
      const deal = await this.lockDeal(manager, user, input.dealId);
      if (deal.version !== input.expectedVersion) throw BrokerageErrors.staleDeal(deal.stage, deal.version);
      if (!canMoveDeal(deal.stage, input.to)) throw BrokerageErrors.illegalTransition(deal.stage, input.to, deal.stage, deal.version);
      const from = deal.stage;
      deal.stage = input.to;
      deal.updatedAt = now;
      if (input.to === DealStage.CONTRACT_SIGNED) deal.signedAt = now;
      if (isFinalStage(input.to)) deal.closedAt = now;
      if (input.to === DealStage.FAILED) deal.failureReason = reason;
      const saved = await manager.save(DealEntity, deal);
      await this.log(manager, deal.id, user.id, DealActivityAction.STAGE_CHANGED, from, input.to, reason, now);
      return saved;
    });
  }

  /** 技术合同登记 for a signed deal: once, by the broker or a party; bumps the deal's version. */
  registerContract(user: AuthUser, input: RegisterContractInput, now = clock.now()): Promise<ContractEntity> {
    // Signed on a China date: until 08:00 China time the UTC date is still yesterday.
    if (input.signedOn > todayInChina(now)) throw BrokerageErrors.signedInFuture(input.signedOn);
    return inTransaction(this.dataSource, async (manager) => {
      const deal = await this.lockDeal(manager, user, input.dealId);
      if (!isSignedStage(deal.stage)) throw BrokerageErrors.notSigned(deal.stage, deal.version);
      const existing = await manager.getRepository(ContractEntity).findOneBy({ dealId: deal.id });
      if (existing) throw BrokerageErrors.contractExists(existing.id);
      const contract = Object.assign(new ContractEntity(), {
        id: randomUUID(),
        dealId: deal.id,
        type: input.type,
        amount: input.amount,
        signedOn: input.signedOn,
        parties: input.parties.map((party) => ({ name: party.name.trim(), role: party.role.trim() })),
        registeredBy: user.id,
        registeredAt: now,
      });
      await manager.insert(ContractEntity, contract);
      deal.updatedAt = now;
      await manager.save(DealEntity, deal);
      const detail = `${CONTRACT_TYPE_LABELS[input.type]}合同 ${input.amount} 元，签订于 ${input.signedOn}`;
      await this.log(manager, deal.id, user.id, DealActivityAction.CONTRACT_REGISTERED, null, null, detail, now);
      return contract;
    });
  }

  /** A party rates the broker of a closed deal, once. */
  async rateBroker(user: AuthUser, input: RateBrokerInput, now = clock.now()): Promise<BrokerRatingEntity> {
    const deal = await this.dataSource.getRepository(DealEntity).findOneBy({ id: input.dealId.toLowerCase() });
    if (!deal) throw BrokerageErrors.dealNotFound(input.dealId);
    if (user.id !== deal.needOwnerId && user.id !== deal.counterpartOwnerId) throw BrokerageErrors.notRater();
    if (!isFinalStage(deal.stage)) throw BrokerageErrors.dealOpen(deal.stage);
    if (await this.dataSource.getRepository(BrokerRatingEntity).existsBy({ dealId: deal.id, raterId: user.id })) throw BrokerageErrors.alreadyRated();
    const rating = Object.assign(new BrokerRatingEntity(), {
      id: randomUUID(),
      dealId: deal.id,
      brokerId: deal.brokerId,
      raterId: user.id,
      stars: input.stars,
      comment: input.comment?.trim() || null,
      createdAt: now,
    });
    try {
      await inTransaction(this.dataSource, async (manager) => {
        await manager.insert(BrokerRatingEntity, rating);
        await this.log(manager, deal.id, user.id, DealActivityAction.BROKER_RATED, null, null, `${input.stars} 星`, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw BrokerageErrors.alreadyRated();
      throw error;
    }
    return rating;
  }

  async get(user: AuthUser, id: string): Promise<DealEntity> {
    const deal = await this.dataSource.getRepository(DealEntity).findOneBy({ id: id.toLowerCase() });
    if (!deal || !canViewDeal(user, deal)) throw BrokerageErrors.dealNotFound(id);
    return deal;
  }

  byMatch(matchId: string): Promise<DealEntity | null> {
    return this.dataSource.getRepository(DealEntity).findOneBy({ matchId });
  }

  /** The viewer's deals (administrators: all), most recently changed first. */
  async list(user: AuthUser, args: DealListArgs): Promise<Connection<DealEntity>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const query = this.scoped(user);
    if (args.stage) query.andWhere('deal.stage = :stage', { stage: args.stage });
    const totalCount = await query.clone().getCount();
    if (args.after) {
      const cursor = decodeCursor(args.after);
      query.andWhere('(deal.updatedAt, deal.id) < (:at, :id)', { at: new Date(String(cursor.sortValue)), id: cursor.id });
    }
    const rows = await query.orderBy('deal.updatedAt', 'DESC').addOrderBy('deal.id', 'DESC').take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => ({ sortValue: row.updatedAt.toISOString(), id: row.id }));
  }

  /** How many of the viewer's deals are at each stage (a pipeline board's column heads). */
  async pipeline(user: AuthUser): Promise<{ stage: DealStage; count: number }[]> {
    const rows = await this.scoped(user).select('deal.stage', 'stage').addSelect('count(*)::int', 'count').groupBy('deal.stage').getRawMany<{ stage: DealStage; count: number }>();
    const counts = new Map(rows.map((row) => [row.stage, Number(row.count)]));
    return Object.values(DealStage).map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
  }

  activities(dealId: string): Promise<DealActivityEntity[]> {
    return this.dataSource.getRepository(DealActivityEntity).find({ where: { dealId }, order: { id: 'ASC' } });
  }

  contract(dealId: string): Promise<ContractEntity | null> {
    return this.dataSource.getRepository(ContractEntity).findOneBy({ dealId });
  }

  ratings(dealId: string): Promise<BrokerRatingEntity[]> {
    return this.dataSource.getRepository(BrokerRatingEntity).find({ where: { dealId }, order: { createdAt: 'ASC' } });
  }

  private scoped(user: AuthUser) {
    const query = this.dataSource.getRepository(DealEntity).createQueryBuilder('deal');
    if (!isAdmin(user)) query.where('(deal.brokerId = :me OR deal.needOwnerId = :me OR deal.counterpartOwnerId = :me)', { me: user.id });
    return query;
  }

  private async lockDeal(manager: EntityManager, user: AuthUser, id: string): Promise<DealEntity> {
    const deal = await manager
      .getRepository(DealEntity)
      .createQueryBuilder('deal')
      .setLock('pessimistic_write')
      .where('deal.id = :id', { id: id.toLowerCase() })
      .getOne();
    if (!deal || !canViewDeal(user, deal)) throw BrokerageErrors.dealNotFound(id);
    if (!isDealActor(user, deal)) throw BrokerageErrors.notDealActor();
    return deal;
  }

  private log(
    manager: EntityManager,
    dealId: string,
    actorId: string,
    action: DealActivityAction,
    fromStage: DealStage | null,
    toStage: DealStage | null,
    detail: string | null,
    at: Date,
  ): Promise<unknown> {
    return manager.insert(DealActivityEntity, { dealId, actorId, action, fromStage, toStage, detail, at });
  }
}
