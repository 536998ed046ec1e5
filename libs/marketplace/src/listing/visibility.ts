import { AuthUser, isAdmin } from '@ttm/auth';
import { ListingStatus } from './listing-status';

/** What the visibility rules look at; every listing entity has it. */
export interface AccessControlled {
  ownerId: string;
  status: ListingStatus;
  /** Needs only. */
  anonymous?: boolean;
}

export type Viewer = AuthUser | null | undefined;

export const isOwner = (viewer: Viewer, listing: AccessControlled): boolean => !!viewer && viewer.id === listing.ownerId;

/** The owner and administrators manage a listing: they see all of it, whatever its status. */
export const managesListing = (viewer: Viewer, listing: AccessControlled): boolean => isOwner(viewer, listing) || isAdmin(viewer);

/** Everyone sees PUBLISHED listings; any other status only its owner and administrators. */
export const canViewListing = (viewer: Viewer, listing: AccessControlled): boolean =>
  listing.status === ListingStatus.PUBLISHED || managesListing(viewer, listing);

/**
 * Who may read a listing's contact details. The one place this rule lives: the brokerage will
 * extend it to the parties of an accepted match.
 */
export function canSeeContact(viewer: Viewer, listing: AccessControlled): boolean {
  return managesListing(viewer, listing);
}

/** Anonymous needs hide who posted them (owner and organisation) from everyone but those who manage them. */
export const canSeePublisher = (viewer: Viewer, listing: AccessControlled): boolean =>
  !listing.anonymous || managesListing(viewer, listing);
