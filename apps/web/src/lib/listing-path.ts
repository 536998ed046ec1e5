import type { ListingKindName } from './labels';

const KIND_PATHS: Record<ListingKindName, string> = { NEED: 'needs', RESULT: 'results', EXPERT: 'experts', CHALLENGE: 'challenges' };

/** The detail page of a listing, e.g. /needs/<id>. */
export const listingPath = (kind: ListingKindName, id: string): string => `/${KIND_PATHS[kind]}/${id}`;
