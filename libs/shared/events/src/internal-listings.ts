import { ListingKind } from './listing-events';

/**
 * What the marketplace tells other services about one listing over its internal HTTP API
 * (`GET /internal/listings?ids=…`): enough for the brokerage to check who may answer a match and to
 * reveal contacts once both sides accept. Never exposed through the gateway.
 */
export interface ListingFacts {
  id: string;
  kind: ListingKind;
  status: 'DRAFT' | 'PENDING_REVIEW' | 'PUBLISHED' | 'REJECTED' | 'CLOSED';
  /** The identity service's user id of the owner (for an expert profile: the researcher who keeps it). */
  ownerId: string;
  /** A need's, result's or challenge's title; an expert's name. */
  title: string;
  /** 发布单位 (an expert's institution); null when not given. */
  organizationName: string | null;
  /** Needs may hide their publisher; false for the other kinds. */
  anonymous: boolean;
  industry: string;
  contact: { name: string; phone: string; email: string };
  /** ISO time of first publication, null if never published. */
  publishedAt: string | null;
}

export interface ListingFactsPage {
  /** The listings found, in the order asked; unknown ids are left out. */
  listings: ListingFacts[];
}

/** `GET /internal/stats`: listings ever published, counted by kind, industry and month of first publication. */
export interface PublishedListingCount {
  kind: ListingKind;
  industry: string;
  /** YYYY-MM, in UTC. */
  month: string;
  count: number;
}

export interface MarketplaceStatsPage {
  published: PublishedListingCount[];
}

/** The most ids one `GET /internal/listings` call accepts. */
export const MAX_LISTING_FACTS_IDS = 100;
