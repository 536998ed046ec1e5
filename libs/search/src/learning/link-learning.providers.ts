import { BrokerageOutcomesClient } from './brokerage-outcomes.client';
import { LinkLearningService } from './link-learning.service';
import { LinkWeightsResolver } from './link-weights.resolver';
import { MatchOutcomeFollower } from './match-outcome-follower.service';

export { LEARNING_ENTITIES } from './link-weight.entity';

/** Registered by SearchAppModule (they need its ListingIndex, ListingIndexer and ServiceHttpClient). */
export const LEARNING_PROVIDERS = [LinkLearningService, BrokerageOutcomesClient, MatchOutcomeFollower, LinkWeightsResolver];
