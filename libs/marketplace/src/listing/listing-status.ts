import { registerEnumType } from '@nestjs/graphql';

export enum ListingStatus {
  DRAFT = 'DRAFT',
  PENDING_REVIEW = 'PENDING_REVIEW',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  CLOSED = 'CLOSED',
}

export const LISTING_STATUSES = Object.values(ListingStatus);

registerEnumType(ListingStatus, {
  name: 'ListingStatus',
  description: 'Where a listing is in moderation; only PUBLISHED listings are public',
  valuesMap: {
    DRAFT: { description: '草稿 — visible to its owner only' },
    PENDING_REVIEW: { description: '待审核 — submitted, waiting for an administrator' },
    PUBLISHED: { description: '已发布 — public' },
    REJECTED: { description: '已驳回 — see rejectionReason; the owner may edit and resubmit' },
    CLOSED: { description: '已关闭 — withdrawn for good' },
  },
});
