import { InitialMarketplaceSchema1767225600000 } from './1767225600000-initial-marketplace-schema';
import { Challenges1767312000000 } from './1767312000000-challenges';
import { MarketplaceAuditLog1767830400000 } from './1767830400000-marketplace-audit-log';

/** In order; never edit one that has shipped, add a new one. */
export const MARKETPLACE_MIGRATIONS = [InitialMarketplaceSchema1767225600000, Challenges1767312000000, MarketplaceAuditLog1767830400000];
