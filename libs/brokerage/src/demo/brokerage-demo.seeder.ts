import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { chinaDate, clock } from '@ttm/clock';
import { AppConfig } from '@ttm/config';
import { inTransaction } from '@ttm/database';
import { DEMO_BROKER_MATCHES, DemoBrokerMatch } from '@ttm/demo';
import type { ListingFacts } from '@ttm/events';
import { DataSource, EntityManager } from 'typeorm';
import { BROKERAGE_CONFIG } from '../brokerage.constants';
import { ContractType, DealActivityAction, DealStage } from '../deal/deal-enums';
import { ContractEntity, DealActivityEntity, DealEntity } from '../deal/deal.entity';
import { LISTING_DIRECTORY, ListingDirectory } from '../listings/listing-directory';
import { CounterpartKind, DeclineReasonCode, MatchResponse, MatchStatus } from '../match/match-enums';
import { takeOutcomePosition } from '../match/match-outcome-order';
import { IntroductionEntity, MatchEntity } from '../match/match.entity';
import { BrokerRatingEntity } from '../rating/broker-rating.entity';

const OPENED: readonly string[] = ['NEGOTIATING', 'CONTRACT_SIGNED', 'COMPLETED', 'FAILED'];

/** Builds every row of one demo match at times derived from its need's publication (see @ttm/demo brokerage.ts). */
export function demoRows(demo: DemoBrokerMatch, need: ListingFacts, counterpart: ListingFacts, now: Date) {
  const published = new Date(need.publishedAt as string).getTime();
  const age = Math.max(now.getTime() - published, 60_000);
  // Each later event takes a share of the time left, so everything happens between publication and now.
  const at = (fraction: number) => new Date(published + Math.round(age * Math.min(fraction, 0.99)));
  const step = (from: number, share: number) => from + (1 - from) * share;
  const proposed = demo.proposedAt;
  const needAnswer = step(proposed, 0.04);
  const counterpartAnswer = step(proposed, 0.08);
  const signed = step(counterpartAnswer, 0.4);
  const closed = step(signed, 0.5);
  const rated = step(closed, 0.3);
  const opened = OPENED.includes(demo.outcome);
  const declinedBy = demo.outcome === 'DECLINED' ? demo.decline : undefined;
  const needAnswered = opened || demo.outcome === 'NEED_ACCEPTED' || declinedBy !== undefined;
  const counterpartAnswered = opened || declinedBy?.side === 'COUNTERPART';
  const needDeclined = declinedBy?.side === 'NEED';
  const counterpartDeclined = declinedBy?.side === 'COUNTERPART';

  const match = Object.assign(new MatchEntity(), {
    id: demo.matchId,
    brokerId: demo.brokerId,
    note: demo.note,
    needId: demo.needId,
    needOwnerId: need.ownerId,
    needAnonymous: need.anonymous,
    needPublishedAt: new Date(published),
    counterpartKind: demo.counterpart.kind === 'RESULT' ? CounterpartKind.RESULT : CounterpartKind.EXPERT,
    counterpartId: demo.counterpart.id,
    counterpartOwnerId: counterpart.ownerId,
    industry: need.industry,
    status: opened ? MatchStatus.ACCEPTED : declinedBy ? MatchStatus.DECLINED : MatchStatus.PROPOSED,
    needResponse: needAnswered ? (needDeclined ? MatchResponse.DECLINED : MatchResponse.ACCEPTED) : null,
    needRespondedAt: needAnswered ? at(needAnswer) : null,
    needDeclineCode: needDeclined ? (declinedBy?.code as DeclineReasonCode) : null,
    needDeclineText: needDeclined ? (declinedBy?.text ?? null) : null,
    // A decline by the need side ends the match before the counterpart answers.
    counterpartResponse: counterpartAnswered ? (counterpartDeclined ? MatchResponse.DECLINED : MatchResponse.ACCEPTED) : null,
    counterpartRespondedAt: counterpartAnswered ? at(counterpartAnswer) : null,
    counterpartDeclineCode: counterpartDeclined ? (declinedBy?.code as DeclineReasonCode) : null,
    counterpartDeclineText: counterpartDeclined ? (declinedBy?.text ?? null) : null,
    proposedAt: at(proposed),
    acceptedAt: opened ? at(counterpartAnswer) : null,
    declinedAt: declinedBy ? at(needDeclined ? needAnswer : counterpartAnswer) : null,
    outcomeSeq: null as string | null,
    version: 1,
  });
  if (!opened) return { match, introduction: null, deal: null, activities: [], contract: null, ratings: [] };

  const stage = demo.outcome as DealStage;
  const reachedSigning = stage === DealStage.CONTRACT_SIGNED || stage === DealStage.COMPLETED;
  const final = stage === DealStage.COMPLETED || stage === DealStage.FAILED;
  const lastChange = final ? at(closed) : reachedSigning ? at(signed) : at(counterpartAnswer);
  const deal = Object.assign(new DealEntity(), {
    id: demo.dealId,
    matchId: demo.matchId,
    brokerId: demo.brokerId,
    needOwnerId: need.ownerId,
    counterpartOwnerId: counterpart.ownerId,
    industry: need.industry,
    stage,
    failureReason: stage === DealStage.FAILED ? (demo.failureReason ?? '未说明') : null,
    createdAt: at(counterpartAnswer),
    updatedAt: lastChange,
    signedAt: reachedSigning ? at(signed) : null,
    closedAt: final ? at(closed) : null,
    version: 1 + (reachedSigning ? 1 : 0) + (final ? 1 : 0) + (demo.contract && reachedSigning ? 1 : 0),
  });
  const activities: Partial<DealActivityEntity>[] = [
    { dealId: deal.id, actorId: counterpart.ownerId, action: DealActivityAction.OPENED, toStage: DealStage.NEGOTIATING, detail: '双方接受撮合，进入洽谈', at: deal.createdAt },
  ];
  if (reachedSigning) {
    activities.push({ dealId: deal.id, actorId: demo.brokerId, action: DealActivityAction.STAGE_CHANGED, fromStage: DealStage.NEGOTIATING, toStage: DealStage.CONTRACT_SIGNED, at: at(signed) });
  }
  const contract =
    demo.contract && reachedSigning
      ? Object.assign(new ContractEntity(), {
          id: demo.contract.id,
          dealId: deal.id,
          type: demo.contract.type as ContractType,
          amount: demo.contract.amount,
          signedOn: chinaDate(at(signed)),
          parties: [
            { name: need.organizationName ?? '需求方', role: '委托方' },
            { name: counterpart.organizationName ?? '成果方', role: '受托方' },
          ],
          registeredBy: demo.brokerId,
          registeredAt: at(step(signed, 0.1)),
        })
      : null;
  if (contract) {
    activities.push({ dealId: deal.id, actorId: demo.brokerId, action: DealActivityAction.CONTRACT_REGISTERED, detail: `合同金额 ${contract.amount} 元`, at: contract.registeredAt });
  }
  if (final) {
    const from = stage === DealStage.COMPLETED ? DealStage.CONTRACT_SIGNED : DealStage.NEGOTIATING;
    activities.push({ dealId: deal.id, actorId: need.ownerId, action: DealActivityAction.STAGE_CHANGED, fromStage: from, toStage: stage, detail: deal.failureReason, at: at(closed) });
  }
  const ratings = (final ? (demo.ratings ?? []) : []).map((rating) =>
    Object.assign(new BrokerRatingEntity(), {
      id: rating.id,
      dealId: deal.id,
      brokerId: demo.brokerId,
      raterId: rating.side === 'NEED' ? need.ownerId : counterpart.ownerId,
      stars: rating.stars,
      comment: rating.comment,
      createdAt: at(rated),
    }),
  );
  const introduction = Object.assign(new IntroductionEntity(), {
    matchId: match.id,
    brokerId: demo.brokerId,
    needOwnerId: need.ownerId,
    counterpartOwnerId: counterpart.ownerId,
    introducedAt: at(counterpartAnswer),
  });
  return { match, introduction, deal, activities, contract, ratings };
}

/** Fills an empty brokerage with the demo matches and deals (SEED_DEMO), reading the listings from the marketplace. */
@Injectable()
export class BrokerageDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('BrokerageDemoSeeder');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LISTING_DIRECTORY) private readonly listings: ListingDirectory,
    @Inject(BROKERAGE_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const seeded = await this.seed();
    if (seeded > 0) this.logger.log(`seeded ${seeded} demo matches`);
  }

  /** How many matches it inserted: none unless the brokerage is empty and the marketplace has the demo listings. */
  async seed(now: Date = clock.now()): Promise<number> {
    const ids = DEMO_BROKER_MATCHES.flatMap((demo) => [demo.needId, demo.counterpart.id]);
    const facts = await this.listings.facts(ids);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('brokerage-demo-seed'))`);
      if ((await manager.getRepository(MatchEntity).count()) > 0) return 0;
      let seeded = 0;
      for (const demo of DEMO_BROKER_MATCHES) {
        const need = facts.get(demo.needId);
        const counterpart = facts.get(demo.counterpart.id);
        if (need?.status !== 'PUBLISHED' || !need.publishedAt || counterpart?.status !== 'PUBLISHED') continue;
        await this.insert(manager, demoRows(demo, need, counterpart, now));
        seeded++;
      }
      return seeded;
    });
  }

  private async insert(manager: EntityManager, rows: ReturnType<typeof demoRows>): Promise<void> {
    await takeOutcomePosition(manager, rows.match);
    await manager.insert(MatchEntity, rows.match);
    if (rows.introduction) await manager.insert(IntroductionEntity, rows.introduction);
    if (rows.deal) await manager.insert(DealEntity, rows.deal);
    for (const activity of rows.activities) await manager.insert(DealActivityEntity, activity);
    if (rows.contract) await manager.insert(ContractEntity, rows.contract);
    for (const rating of rows.ratings) await manager.insert(BrokerRatingEntity, rating);
  }
}
