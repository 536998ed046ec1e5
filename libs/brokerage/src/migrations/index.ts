import { BrokerageSchema1767484800000 } from './1767484800000-brokerage-schema';
import { MatchOutcomeOrder1768521600000 } from './1768521600000-match-outcome-order';

/** In order; never edit one that has shipped, add a new one. */
export const BROKERAGE_MIGRATIONS = [BrokerageSchema1767484800000, MatchOutcomeOrder1768521600000];
