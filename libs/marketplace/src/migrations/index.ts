import { InitialMarketplaceSchema1767225600000 } from './1767225600000-initial-marketplace-schema';

/** In order; never edit one that has shipped, add a new one. */
export const MARKETPLACE_MIGRATIONS = [InitialMarketplaceSchema1767225600000];
