import { Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '@ttm/auth';
import { inTransaction } from '@ttm/database';
import { appendToOutbox, LISTING_AGGREGATE, ListingEventType, ListingRemovedPayload, ListingUpsertedPayload } from '@ttm/events';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from './ids';
import { toListingDocument } from './listing-document';
import { AnyListingEntity, LISTING_ENTITIES, ListingEntityOf, MarketplaceKind, kindOf } from './listing-kinds';
import { ListingErrors } from './listing.errors';
import { ListingAction, nextStatus, publicEventFor } from './listing-state-machine';
import { ListingStatus } from './listing-status';
import { managesListing } from './visibility';

const VERBS: Record<ListingAction, string> = { EDIT: 'edit', SUBMIT: 'submit', APPROVE: 'approve', REJECT: 'reject', CLOSE: 'close' };

export interface ChangeOptions<E> {
  /** For EDIT: applies the input to the locked entity; returns false when nothing changed. May throw BAD_USER_INPUT. */
  edit?: (entity: E) => boolean;
  /** Runs after the permission and status checks, before saving (e.g. completeness at SUBMIT). May throw. */
  check?: (entity: E) => void;
  /** For REJECT. */
  rejectionReason?: string;
  /** Runs after saving, in the same transaction (e.g. the moderation's audit entry); a throw undoes the change. */
  afterSave?: (manager: EntityManager, saved: E, before: ListingStatus) => Promise<void>;
}

/**
 * Every change of an existing listing goes through here: in one transaction it locks the row,
 * checks who may act, applies the state machine, saves (bumping the version) and, when the change
 * affects what is public, appends the outbox event that tells the search index.
 */
@Injectable()
export class ListingLifecycle {
  constructor(private readonly dataSource: DataSource) {}

  /** Saves a new DRAFT (nothing public changes, so no outbox row). */
  create<E extends AnyListingEntity>(entity: E): Promise<E> {
    entity.status = ListingStatus.DRAFT;
    entity.rejectionReason = null;
    entity.submittedAt = null;
    entity.publishedAt = null;
    return inTransaction(this.dataSource, (manager) => manager.save(entity));
  }

  change<K extends MarketplaceKind>(
    kind: K,
    id: string,
    actor: AuthUser,
    action: ListingAction,
    options: ChangeOptions<ListingEntityOf[K]> = {},
  ): Promise<ListingEntityOf[K]> {
    if (!isUuid(id)) return Promise.reject(ListingErrors.notFound(kind, id));
    return inTransaction(this.dataSource, async (manager) => {
      const entity = (await manager.findOne(LISTING_ENTITIES[kind], {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      })) as ListingEntityOf[K] | null;
      if (!entity) throw ListingErrors.notFound(kind, id);
      if (action === 'APPROVE' || action === 'REJECT') {
        if (!isAdmin(actor)) throw ListingErrors.moderatorsOnly();
      } else if (!managesListing(actor, entity)) {
        throw ListingErrors.notManager(kind, VERBS[action]);
      }

      const before = entity.status;
      const after = nextStatus(before, action, { byModerator: isAdmin(actor) });
      if (action === 'EDIT' && options.edit && !options.edit(entity)) return entity;
      options.check?.(entity);

      const now = new Date();
      entity.status = after;
      if (after === ListingStatus.PENDING_REVIEW && before !== ListingStatus.PENDING_REVIEW) entity.submittedAt = now;
      if (action === 'APPROVE') {
        entity.publishedAt ??= now;
        entity.rejectionReason = null;
      }
      if (action === 'REJECT') entity.rejectionReason = options.rejectionReason ?? null;
      const saved = await manager.save(entity);
      await this.recordPublicChange(manager, saved, before);
      await options.afterSave?.(manager, saved, before);
      return saved;
    });
  }

  /** Which kind a listing id belongs to (ids are unique across kinds), or null. */
  async kindOfId(id: string): Promise<MarketplaceKind | null> {
    if (!isUuid(id)) return null;
    for (const kind of Object.keys(LISTING_ENTITIES) as MarketplaceKind[]) {
      if (await this.dataSource.getRepository(LISTING_ENTITIES[kind]).existsBy({ id })) return kind;
    }
    return null;
  }

  /** Appends the outbox event a status change implies, inside the caller's transaction. */
  async recordPublicChange(manager: EntityManager, entity: AnyListingEntity, before: ListingStatus | null): Promise<void> {
    const type = publicEventFor(before, entity.status);
    if (!type) return;
    const payload: ListingUpsertedPayload | ListingRemovedPayload =
      type === ListingEventType.UPSERTED
        ? { document: toListingDocument(entity) }
        : { id: entity.id, kind: kindOf(entity), version: entity.version };
    await appendToOutbox(manager, {
      aggregateType: LISTING_AGGREGATE,
      aggregateId: entity.id,
      aggregateVersion: entity.version,
      type,
      payload: { ...payload },
    });
  }
}
