import type { ListingDocument } from '@ttm/events';
import type { IndexSchema } from './search-engine';

/**
 * How listings (`ListingDocument` from the marketplace feed, all kinds in one index) are searched:
 * title first, then keywords, organisation/institution, then the long description.
 */
export const LISTING_INDEX_SCHEMA: IndexSchema<ListingDocument> = {
  fields: {
    id: { type: 'keyword', filterable: true },
    title: { type: 'text', searchWeight: 8 },
    keywords: { type: 'keyword', searchWeight: 6, filterable: true, facet: true },
    organizationName: { type: 'text', searchWeight: 3 },
    institution: { type: 'text', searchWeight: 3 },
    expertTitle: { type: 'text', searchWeight: 2 },
    description: { type: 'text', searchWeight: 1 },
    kind: { type: 'keyword', filterable: true, facet: true },
    industry: { type: 'keyword', filterable: true, facet: true },
    region: { type: 'keyword', filterable: true, facet: true },
    cooperationModes: { type: 'keyword', filterable: true, facet: true },
    ipType: { type: 'keyword', filterable: true, facet: true },
    ownerId: { type: 'keyword', filterable: true },
    openLicense: { type: 'boolean', filterable: true, facet: true },
    trl: { type: 'number', filterable: true, sortable: true, facet: true },
    budgetMin: { type: 'number', filterable: true, sortable: true },
    budgetMax: { type: 'number', filterable: true, sortable: true },
    askingPrice: { type: 'number', filterable: true, sortable: true },
    bounty: { type: 'number', filterable: true, sortable: true },
    deadline: { type: 'date', filterable: true, sortable: true },
    publishedAt: { type: 'date', filterable: true, sortable: true },
    updatedAt: { type: 'date', filterable: true, sortable: true },
  },
};
