import { AuditAction, AuditTargetType, recordAudit } from '@ttm/audit';
import { AuthUser } from '@ttm/auth';
import { EntityManager } from 'typeorm';
import { ExpertEntity } from '../expert/expert.entity';
import { AnyListingEntity, kindOf } from '../listing/listing-kinds';
import { ListingStatus } from '../listing/listing-status';

/** APPROVE publishes; REJECT of a listing in review rejects it, of a published one takes it down. */
function moderationAction(before: ListingStatus, after: ListingStatus): AuditAction {
  if (after === ListingStatus.PUBLISHED) return AuditAction.LISTING_APPROVED;
  return before === ListingStatus.PUBLISHED ? AuditAction.LISTING_TAKEN_DOWN : AuditAction.LISTING_REJECTED;
}

/** The audit entry of an approval, rejection or take-down, in the transaction that makes it. */
export function recordModeration(manager: EntityManager, admin: AuthUser, listing: AnyListingEntity, before: ListingStatus): Promise<void> {
  return recordAudit(manager, {
    actorId: admin.id,
    action: moderationAction(before, listing.status),
    // The listing kinds (NEED, RESULT, EXPERT, CHALLENGE) are target types of the same name.
    targetType: AuditTargetType[kindOf(listing)],
    targetId: listing.id,
    targetLabel: listing instanceof ExpertEntity ? listing.name : listing.title,
    before: { status: before },
    after: { status: listing.status },
    reason: listing.status === ListingStatus.REJECTED ? listing.rejectionReason : null,
  });
}
