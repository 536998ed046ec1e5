import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

/** Registered by SearchAppModule (they need its ListingIndex). */
export const MATCHING_PROVIDERS = [MatchingService, MatchingResolver];
