/**
 * What the brokerage tells other services about answered matches (`GET /internal/match-outcomes`,
 * service token): the search service learns from them which knowledge-graph links lead to matches
 * that both sides accept. Never exposed through the gateway.
 */
export const MATCH_OUTCOMES_PATH = '/internal/match-outcomes';

/** The most outcomes one page holds (and the default `limit`). */
export const MAX_MATCH_OUTCOMES_PAGE = 200;

/** The decline reasons a side may give (the brokerage's DeclineReasonCode). */
export type MatchDeclineCode = 'TOO_EARLY_STAGE' | 'NOT_TECHNICAL_FIT' | 'PRICE' | 'ALREADY_SOLVED' | 'OTHER';

export interface MatchOutcome {
  matchId: string;
  needId: string;
  counterpartKind: 'RESULT' | 'EXPERT';
  counterpartId: string;
  /** ACCEPTED: both sides accepted; DECLINED: one side declined (the match ends there). */
  outcome: 'ACCEPTED' | 'DECLINED';
  /** The declining side's reason; null for an accepted match. */
  declineCode: MatchDeclineCode | null;
  /** ISO time of the answer that decided the match. */
  answeredAt: string;
  /** This outcome's position in the feed: pass the last one as `after` to read on. */
  cursor: string;
}

/**
 * `GET /internal/match-outcomes?after=<cursor>&limit=<1–200>`: answered matches after the cursor, in the
 * order they were decided (a stable order: a reader that has seen a cursor never later finds an outcome
 * before it). Without `after`, from the first.
 */
export interface MatchOutcomesPage {
  outcomes: MatchOutcome[];
  /** The last outcome's cursor, or the `after` given when the page is empty: where to read on from. */
  nextAfter: string;
  /** Whether more outcomes follow this page. */
  hasMore: boolean;
}
