/**
 * The marketplace → search contract: what the marketplace publishes about listings through its
 * outbox feed, and the shape of a public listing document. Contact details never appear here.
 */
export const ListingKinds = ['NEED', 'RESULT', 'EXPERT', 'CHALLENGE'] as const;
export type ListingKind = (typeof ListingKinds)[number];

export const LISTING_AGGREGATE = 'Listing';

export enum ListingEventType {
  /** The listing is public (newly published or edited while published): index this document. */
  UPSERTED = 'listing.upserted',
  /** The listing is no longer public (unpublished, closed, rejected, deleted): drop it. */
  REMOVED = 'listing.removed',
}

export interface ListingDocument {
  id: string;
  kind: ListingKind;
  /** The aggregate version this document reflects; a consumer never replaces a newer one. */
  version: number;
  title: string;
  description: string;
  keywords: string[];
  /** Industry taxonomy code (see @ttm/taxonomy). */
  industry: string;
  /** GB/T 2260 administrative division code. */
  region: string | null;
  ownerId: string;
  /** Shown publicly unless the listing is anonymous. */
  organizationName: string | null;
  cooperationModes: string[];
  /** CNY. Needs: budget range; challenges: bounty; results: asking price. */
  budgetMin: number | null;
  budgetMax: number | null;
  askingPrice: number | null;
  bounty: number | null;
  trl: number | null;
  ipType: string | null;
  openLicense: boolean;
  /** Experts: institution, academic title and research fields. */
  institution: string | null;
  expertTitle: string | null;
  deadline: string | null;
  publishedAt: string;
  updatedAt: string;
}

export interface ListingUpsertedPayload {
  document: ListingDocument;
}

export interface ListingRemovedPayload {
  id: string;
  kind: ListingKind;
  version: number;
}

/** One event of the marketplace feed, as served to consumers over HTTP. */
export interface FeedEvent {
  seq: string;
  type: ListingEventType;
  aggregateId: string;
  aggregateVersion: number;
  payload: ListingUpsertedPayload | ListingRemovedPayload;
}

export interface FeedPage {
  events: FeedEvent[];
  /** The highest seq in the outbox when the page was read. */
  headSeq: string;
}

export interface SnapshotPage {
  documents: ListingDocument[];
  /** Pass as `after` for the next page; null when done. */
  nextAfter: string | null;
  /** The outbox head when the snapshot began: after a rebuild, follow the feed from here. */
  headSeq: string;
}
