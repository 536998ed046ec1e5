import type { ListingDocument } from '@ttm/events';
import { DEMO_ACCOUNTS, DEMO_EXPERTS, DEMO_NEEDS, DEMO_ORGANIZATIONS, DEMO_RESULTS } from '@ttm/demo';
import { IndexedListing, toIndexedListing } from '../index/indexed-listing';

const PUBLISHED = '2026-11-01T00:00:00.000Z';

function organizationOf(ownerId: string): string | null {
  const organizationId = DEMO_ACCOUNTS.find((account) => account.id === ownerId)?.organizationId;
  return DEMO_ORGANIZATIONS.find((organization) => organization.id === organizationId)?.name ?? null;
}

const EMPTY = {
  version: 1,
  budgetMin: null,
  budgetMax: null,
  askingPrice: null,
  bounty: null,
  trl: null,
  ipType: null,
  openLicense: false,
  institution: null,
  expertTitle: null,
  deadline: null,
  publishedAt: PUBLISHED,
  updatedAt: PUBLISHED,
} satisfies Partial<ListingDocument>;

/**
 * The demo needs, results and experts as published listing documents, built the way the
 * marketplace builds them (a need's `trl` is its minimum TRL; an expert's title is the name, its
 * keywords the research fields, its description the bio; no contact details).
 */
export function demoListingDocuments(): ListingDocument[] {
  const needs: ListingDocument[] = DEMO_NEEDS.map((need) => ({
    ...EMPTY,
    id: need.id,
    kind: 'NEED',
    title: need.title,
    description: need.description,
    keywords: [...need.keywords],
    industry: need.industry,
    region: need.regionCode,
    ownerId: need.ownerId,
    organizationName: need.anonymous ? null : organizationOf(need.ownerId),
    cooperationModes: [...need.cooperationModes],
    budgetMin: need.budgetMin,
    budgetMax: need.budgetMax,
    trl: need.minTrl,
    deadline: need.deadline,
  }));
  const results: ListingDocument[] = DEMO_RESULTS.map((result) => ({
    ...EMPTY,
    id: result.id,
    kind: 'RESULT',
    title: result.title,
    description: result.description,
    keywords: [...result.keywords],
    industry: result.industry,
    region: result.regionCode,
    ownerId: result.ownerId,
    organizationName: organizationOf(result.ownerId),
    cooperationModes: [...result.cooperationModes],
    askingPrice: result.askingPrice,
    trl: result.trl,
    ipType: result.ipType,
    openLicense: result.openLicense,
  }));
  const experts: ListingDocument[] = DEMO_EXPERTS.map((expert) => ({
    ...EMPTY,
    id: expert.id,
    kind: 'EXPERT',
    title: expert.name,
    description: expert.bio,
    keywords: [...expert.fields],
    industry: expert.industry,
    region: expert.regionCode,
    ownerId: expert.ownerId,
    organizationName: expert.institution,
    cooperationModes: [],
    institution: expert.institution,
    expertTitle: expert.title,
  }));
  return [...needs, ...results, ...experts];
}

/** The demo listings as the index holds them. */
export const demoIndexedListings = (): IndexedListing[] => demoListingDocuments().map((document) => toIndexedListing(document));
