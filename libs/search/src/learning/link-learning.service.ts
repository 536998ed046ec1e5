import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditTargetType, recordAudit } from '@ttm/audit';
import { AuthUser } from '@ttm/auth';
import { clock } from '@ttm/clock';
import { inTransaction } from '@ttm/database';
import { badInput, conflict, notFound } from '@ttm/errors';
import type { MatchOutcome } from '@ttm/events';
import { Connection, decodeCursor, DEFAULT_PAGE_SIZE, toConnection } from '@ttm/graphql';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { listingKnowledge } from '../concepts/listing-concepts';
import { ListingIndex } from '../index/listing-index.provider';
import { applyLearnedWeights, learnedWeightsApplied } from './learned-knowledge';
import { LinkWeightAdjustmentEntity, LinkWeightChangeKind, LinkWeightEntity } from './link-weight.entity';
import { LearnedLinkWeight, LinkWeightAdjustment } from './link-weight.model';
import { boundedWeight, LINK_LEARNING, linkId, LinkRef, linksBehindMatch, outcomeDelta, parseLinkId } from './link-weights';

/** The most adjustments `linkWeightAdjustments` lists (newest first). */
export const MAX_LISTED_ADJUSTMENTS = 200;

type AdjustmentFields = Pick<LinkWeightAdjustmentEntity, 'kind' | 'matchId' | 'outcome' | 'declineCode' | 'actorId' | 'revertsId'>;

const label = (id: string) => listingKnowledge().graph.label(id);
const linkLabel = (link: LinkRef) => `${label(link.problemId)} → ${label(link.targetId)}`;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Learns link weights from match outcomes (`learn`, once per match), lets administrators undo what was
 * learned (`revertAdjustment`, `revertMatch`, `resetLink`, each audited) and keeps the graph in use
 * carrying the stored weights (`refreshWeights`). Every change of a weight goes through `changeWeight`:
 * the link row locked, the bounds applied, the change logged.
 */
@Injectable()
export class LinkLearningService {
  private readonly logger = new Logger('LinkLearning');
  /** The highest adjustment id the graph in use reflects. */
  private revision = -1n;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listings: ListingIndex,
  ) {}

  /** The feed position after the last outcome counted (null: none yet). */
  async feedPosition(): Promise<string | null> {
    const [row] = await this.dataSource.query<{ position: string | null }[]>(`SELECT MAX(feed_position)::text AS position FROM search.learned_matches`);
    return row?.position ?? null;
  }

  /**
   * Counts one outcome: the links behind the match (from the two listings' indexed concepts) move by δ,
   * within bounds. Returns how many links it adjusted, or null when the match was counted before.
   */
  async learn(outcome: MatchOutcome, now = clock.now()): Promise<number | null> {
    const delta = outcomeDelta(outcome.outcome, outcome.declineCode);
    let links: LinkRef[] = [];
    if (delta !== 0) {
      const found = new Map((await this.listings.index.get([outcome.needId, outcome.counterpartId])).map((listing) => [listing.id, listing]));
      const need = found.get(outcome.needId);
      const counterpart = found.get(outcome.counterpartId);
      if (need && counterpart) links = linksBehindMatch(listingKnowledge().graph, need.concepts, counterpart.concepts);
    }
    return inTransaction(this.dataSource, async (manager) => {
      const inserted = await manager.query<{ match_id: string }[]>(
        `INSERT INTO search.learned_matches (match_id, feed_position, outcome, decline_code, links, learned_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (match_id) DO NOTHING RETURNING match_id`,
        [outcome.matchId, outcome.cursor, outcome.outcome, outcome.declineCode, links.length, now],
      );
      if (inserted.length === 0) return null;
      for (const link of links) {
        await this.changeWeight(manager, link, (weight) => weight + delta, now, {
          kind: LinkWeightChangeKind.OUTCOME,
          matchId: outcome.matchId,
          outcome: outcome.outcome,
          declineCode: outcome.declineCode,
          actorId: null,
          revertsId: null,
        });
      }
      return links.length;
    });
  }

  /** Undoes one outcome's change of a link (the weight moves back by what it moved, within bounds). */
  async revertAdjustment(admin: AuthUser, id: string, now = clock.now()): Promise<LearnedLinkWeight> {
    const link = await inTransaction(this.dataSource, async (manager) => {
      const adjustment = await manager.findOne(LinkWeightAdjustmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!adjustment) throw notFound('Link weight adjustment', id);
      if (adjustment.kind !== LinkWeightChangeKind.OUTCOME) throw conflict(`Adjustment ${id} is a ${adjustment.kind.toLowerCase()} by an administrator: only changes learned from a match outcome can be reverted`);
      if (adjustment.revertedAt) throw conflict(`Adjustment ${id} was already reverted at ${adjustment.revertedAt.toISOString()}`);
      await this.revert(manager, admin, adjustment, now);
      return { problemId: adjustment.problemId, targetId: adjustment.targetId };
    });
    await this.refreshWeights();
    return this.view(link);
  }

  /** Undoes every change one match's outcome still makes to link weights. */
  async revertMatch(admin: AuthUser, matchId: string, now = clock.now()): Promise<LearnedLinkWeight[]> {
    const links = await inTransaction(this.dataSource, async (manager) => {
      const changes = await manager.find(LinkWeightAdjustmentEntity, {
        where: { matchId, kind: LinkWeightChangeKind.OUTCOME },
        order: { problemId: 'ASC', targetId: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (changes.length === 0) throw notFound('Link weight adjustments of match', matchId);
      const open = changes.filter((adjustment) => !adjustment.revertedAt);
      if (open.length === 0) throw conflict(`Every link weight change of match ${matchId} was already reverted`);
      for (const adjustment of open) await this.revert(manager, admin, adjustment, now);
      return open.map(({ problemId, targetId }) => ({ problemId, targetId }));
    });
    await this.refreshWeights();
    return Promise.all(links.map((link) => this.view(link)));
  }

  /** Sets a learned link back to its initial weight; what outcomes had changed no longer counts. */
  async resetLink(admin: AuthUser, link: LinkRef, now = clock.now()): Promise<LearnedLinkWeight> {
    await inTransaction(this.dataSource, async (manager) => {
      const stored = await manager.findOne(LinkWeightEntity, { where: { ...link }, lock: { mode: 'pessimistic_write' } });
      if (!stored) throw notFound('Learned link weight', linkId(link));
      await manager.update(LinkWeightAdjustmentEntity, { ...link, kind: LinkWeightChangeKind.OUTCOME, revertedAt: IsNull() }, { revertedAt: now });
      const change = await this.changeWeight(manager, link, () => LINK_LEARNING.initialWeight, now, {
        kind: LinkWeightChangeKind.RESET,
        matchId: null,
        outcome: null,
        declineCode: null,
        actorId: admin.id,
        revertsId: null,
      });
      await this.audit(manager, admin, AuditAction.LINK_WEIGHT_RESET, change, null);
    });
    await this.refreshWeights();
    return this.view(link);
  }

  /** The links outcomes have touched, most recently changed first. */
  async learnedLinks(first = DEFAULT_PAGE_SIZE, after?: string): Promise<Connection<LearnedLinkWeight>> {
    const query = this.dataSource.getRepository(LinkWeightEntity).createQueryBuilder('link');
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      const link = parseLinkId(cursor.id);
      if (!link) throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged');
      query.andWhere('(link.updatedAt, link.problemId, link.targetId) < (:at, :problemId, :targetId)', { at: new Date(String(cursor.sortValue)), ...link });
    }
    const rows = await query.orderBy('link.updatedAt', 'DESC').addOrderBy('link.problemId', 'DESC').addOrderBy('link.targetId', 'DESC').take(first + 1).getMany();
    const views = await this.views(rows);
    return toConnection(views, first, totalCount, (view) => ({ sortValue: view.updatedAt.toISOString(), id: view.id }));
  }

  /** The changes of one link or of one match's links, newest first. */
  async adjustments(filter: { link?: LinkRef; matchId?: string }): Promise<LinkWeightAdjustment[]> {
    const where = filter.link ? { problemId: filter.link.problemId, targetId: filter.link.targetId } : { matchId: filter.matchId };
    const rows = await this.dataSource.getRepository(LinkWeightAdjustmentEntity).find({ where, order: { id: 'DESC' }, take: MAX_LISTED_ADJUSTMENTS });
    return rows.map(toAdjustmentView);
  }

  /** Loads the stored weights into the graph in use. */
  async refreshWeights(): Promise<void> {
    const { weights, revision } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [row] = await manager.query<{ revision: string | null }[]>(`SELECT MAX(id)::text AS revision FROM search.link_weight_adjustments`);
      const stored = await manager.find(LinkWeightEntity);
      return { weights: new Map(stored.map((link) => [linkId(link), link.weight])), revision: BigInt(row?.revision ?? '0') };
    });
    // Two refreshes at once: the one that read less recent weights does not undo the other.
    if (revision < this.revision && learnedWeightsApplied()) return;
    applyLearnedWeights(weights);
    if (revision !== this.revision) this.logger.log(`applied ${weights.size} learned link weights (revision ${revision})`);
    this.revision = revision;
  }

  /** Reloads the weights when they changed (another replica, an administrator) or another graph was loaded. */
  async refreshIfChanged(): Promise<void> {
    const [row] = await this.dataSource.query<{ revision: string | null }[]>(`SELECT MAX(id)::text AS revision FROM search.link_weight_adjustments`);
    if (BigInt(row?.revision ?? '0') !== this.revision || !learnedWeightsApplied()) await this.refreshWeights();
  }

  private async revert(manager: EntityManager, admin: AuthUser, adjustment: LinkWeightAdjustmentEntity, now: Date): Promise<void> {
    await manager.update(LinkWeightAdjustmentEntity, { id: adjustment.id }, { revertedAt: now });
    const change = await this.changeWeight(manager, adjustment, (weight) => weight - adjustment.delta, now, {
      kind: LinkWeightChangeKind.REVERT,
      matchId: adjustment.matchId,
      outcome: null,
      declineCode: null,
      actorId: admin.id,
      revertsId: adjustment.id,
    });
    const what = adjustment.outcome === 'ACCEPTED' ? '双方接受' : '技术不对口';
    await this.audit(manager, admin, AuditAction.LINK_WEIGHT_REVERTED, change, `撤销撮合 ${adjustment.matchId ?? ''}（${what}）带来的调整 ${adjustment.delta >= 0 ? '+' : ''}${adjustment.delta}`);
  }

  /** Locks the link (created at the initial weight if new), moves its weight within bounds and logs the change. */
  private async changeWeight(
    manager: EntityManager,
    link: LinkRef,
    next: (weight: number) => number,
    now: Date,
    fields: AdjustmentFields,
  ): Promise<LinkWeightAdjustmentEntity> {
    await manager.query(
      `INSERT INTO search.link_weights (problem_id, target_id, weight, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (problem_id, target_id) DO NOTHING`,
      [link.problemId, link.targetId, LINK_LEARNING.initialWeight, now],
    );
    const stored = await manager.findOne(LinkWeightEntity, { where: { problemId: link.problemId, targetId: link.targetId }, lock: { mode: 'pessimistic_write' } });
    const before = (stored as LinkWeightEntity).weight;
    const after = boundedWeight(next(before));
    await manager.update(LinkWeightEntity, { problemId: link.problemId, targetId: link.targetId }, { weight: after, updatedAt: now });
    const adjustment = manager.create(LinkWeightAdjustmentEntity, {
      ...fields,
      problemId: link.problemId,
      targetId: link.targetId,
      delta: round(after - before),
      weightBefore: before,
      weightAfter: after,
      at: now,
      revertedAt: null,
    });
    return manager.save(adjustment);
  }

  private audit(manager: EntityManager, admin: AuthUser, action: AuditAction, change: LinkWeightAdjustmentEntity, reason: string | null): Promise<void> {
    return recordAudit(manager, {
      actorId: admin.id,
      action,
      targetType: AuditTargetType.CONCEPT_LINK,
      targetId: linkId(change),
      targetLabel: linkLabel(change),
      before: { weight: change.weightBefore },
      after: { weight: change.weightAfter },
      reason,
    });
  }

  private async view(link: LinkRef): Promise<LearnedLinkWeight> {
    const stored = await this.dataSource.getRepository(LinkWeightEntity).findOneByOrFail({ problemId: link.problemId, targetId: link.targetId });
    const [view] = await this.views([stored]);
    return view;
  }

  /** The links with their live accept/decline counts and last change (two queries for the whole page). */
  private async views(links: LinkWeightEntity[]): Promise<LearnedLinkWeight[]> {
    if (links.length === 0) return [];
    const ids = links.map(linkId);
    const counts = await this.dataSource.query<{ link: string; accepts: number; declines: number }[]>(
      `SELECT problem_id || $2 || target_id AS link,
              COUNT(*) FILTER (WHERE outcome = 'ACCEPTED')::int AS accepts,
              COUNT(*) FILTER (WHERE outcome = 'DECLINED')::int AS declines
         FROM search.link_weight_adjustments
        WHERE kind = 'OUTCOME' AND reverted_at IS NULL AND problem_id || $2 || target_id = ANY($1)
        GROUP BY 1`,
      [ids, linkId({ problemId: '', targetId: '' })],
    );
    const last = await this.dataSource.query<{ link: string; kind: LinkWeightChangeKind }[]>(
      `SELECT DISTINCT ON (problem_id, target_id) problem_id || $2 || target_id AS link, kind
         FROM search.link_weight_adjustments
        WHERE problem_id || $2 || target_id = ANY($1)
        ORDER BY problem_id, target_id, id DESC`,
      [ids, linkId({ problemId: '', targetId: '' })],
    );
    const countOf = new Map(counts.map((row) => [row.link, row]));
    const lastOf = new Map(last.map((row) => [row.link, row.kind]));
    return links.map((link) => {
      const id = linkId(link);
      return {
        id,
        problemId: link.problemId,
        problemLabel: label(link.problemId),
        targetId: link.targetId,
        targetLabel: label(link.targetId),
        weight: link.weight,
        accepts: countOf.get(id)?.accepts ?? 0,
        declines: countOf.get(id)?.declines ?? 0,
        updatedAt: link.updatedAt,
        lastChangeKind: lastOf.get(id) ?? LinkWeightChangeKind.OUTCOME,
      };
    });
  }
}

function toAdjustmentView(row: LinkWeightAdjustmentEntity): LinkWeightAdjustment {
  return {
    id: row.id,
    linkId: linkId(row),
    problemLabel: label(row.problemId),
    targetLabel: label(row.targetId),
    kind: row.kind,
    matchId: row.matchId,
    outcome: row.outcome,
    declineCode: row.declineCode,
    delta: row.delta,
    weightBefore: row.weightBefore,
    weightAfter: row.weightAfter,
    at: row.at,
    actorId: row.actorId,
    revertedAt: row.revertedAt,
    revertable: row.kind === LinkWeightChangeKind.OUTCOME && row.revertedAt === null,
  };
}
