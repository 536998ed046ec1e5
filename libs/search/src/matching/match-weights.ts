/**
 * Every number that decides how matches are ranked, in one place. Change them here (and re-run
 * `npm run eval:matching -- ../shared/eval/csl-dev.jsonl` for the text part) — nothing else in
 * the matching code holds a weight.
 *
 * The score of a candidate is Σ weight × evidence / Σ weight, where each evidence is in [0, 1] and
 * the sum runs over the evidence the *source* listing makes applicable (a need without a budget
 * does not count price at all; a need without a minimum TRL skips TRL). The score is therefore in
 * [0, 1] and comparable between candidates of the same source; a candidate that lacks a value the
 * source asks for (no asking price, no region) scores 0 on that evidence.
 */
export const EVIDENCE_WEIGHTS = {
  /** Text relevance of the candidate to the source's title, keywords and key description terms. */
  text: 0.5,
  /**
   * Knowledge-graph evidence (`concept-evidence.ts`): the candidate names concepts the source's concepts
   * lead to — the same, a problem → method bridge, narrower/broader, related — weighted by `CONCEPTS`.
   * Kept small: it also decides whether fit counts (`FIT_NEEDS_RELEVANCE`) and brings candidates in
   * (retrieval by concept), which is where most of its gain on bridge-dev comes from; as a score it
   * helps bridge-dev little beyond 0.1 and costs csl-dev's title and keyword queries (0.3: title MRR@10
   * 0.970 on half A against 0.985 without it).
   */
  concepts: 0.1,
  /**
   * IDF-weighted share of the source's keywords found verbatim in the candidate (and vice versa).
   * Kept small: text relevance already counts them, and on csl-dev's -unseen queries (keywords that
   * never occur in the relevant paper) a larger weight favours papers repeating one generic keyword.
   */
  keywords: 0.06,
  /**
   * Same sub-industry 1, same top-level industry `INDUSTRY_TOP_LEVEL_CREDIT`; for a source without an
   * industry, the agreement of its best text matches on the candidate's industry (`CONSENSUS`).
   */
  industry: 0.12,
  /** Result TRL ≥ the need's minimum (needs that state one). */
  trl: 0.06,
  /** Asking price within the need's budget (needs with a budget, results with a price). */
  price: 0.05,
  /** At least one cooperation mode both sides accept (when both list modes). */
  cooperation: 0.05,
  /** Both in the same prefecture-level city. */
  region: 0.03,
  /** Experts for a need: one of the expert's own results is among the need's best result matches. */
  expertResults: 0.1,
  /** Recently published candidates first, everything else equal. */
  freshness: 0.04,
} as const;

export type EvidenceName = keyof typeof EVIDENCE_WEIGHTS;

/** Evidence that the candidate is about what the source is about (an expert: also through their own results); every other evidence is fit. */
export const RELEVANCE_EVIDENCE: readonly EvidenceName[] = ['text', 'keywords', 'concepts', 'expertResults'];

/**
 * Fit (industry, TRL, price, cooperation, city, freshness) counts in full only for a candidate one of
 * whose relevance evidence reaches this; below it, fit counts in proportion, and
 * not at all without any relevance — so a candidate that merely fits (same city, same industry, TRL) is
 * not lifted above one that is about the source's problem.
 */
export const FIT_NEEDS_RELEVANCE = 0.25;

/** The knowledge graph in matching (see concept-evidence.ts). */
export const CONCEPTS = {
  /**
   * How much a concept reached from a source's concept counts, by how it is reached. A method that
   * addresses the need's problem counts more than the problem named again (the gap the graph bridges);
   * a broader concept little (it is generic). On bridge-dev half A BRIDGE 1.2 / BROADER 0.2 gave graded
   * nDCG@10 0.484 against 0.463 with 0.9 / 0.4; half B 0.544 against 0.542; csl-dev within ±0.002.
   */
  relationWeight: { SAME: 1, BRIDGE: 1.2, NARROWER: 0.6, BROADER: 0.2, RELATED: 0.5 },
  /**
   * A concept both listings name in the same words counts this much of SAME: text relevance already counts
   * those words, and counting them twice ranked a candidate that repeats the need's words (经编, 横条)
   * above one that answers it. Chosen on bridge-dev half A (graded nDCG@10 0.491 → 0.503; 0.3 0.501,
   * 0.5 0.502, 0 0.423), checked on half B (0.542 → 0.588) and csl-dev (MRR@10 title 0.983 → 0.983,
   * keywords 0.9885 → 0.9894, -unseen 0.658 → 0.662, topic 0.497 → 0.501).
   */
  sameWordsCredit: 0.4,
  /** A problem's bridges are also followed from its nearest broader problems (this many), discounted. */
  bridgeAncestors: 2,
  ancestorBridgeDiscount: 0.7,
  /** The reached concepts (strongest first) whose listings are retrieved as candidates, and how many each. */
  retrievalConcepts: 16,
  perConceptLimit: 15,
  /** At most this many reached concepts are scored (their document frequencies are looked up). */
  scoredConcepts: 60,
} as const;

/** Same top-level industry but a different sub-industry counts this much of a full agreement. */
export const INDUSTRY_TOP_LEVEL_CREDIT = 0.5;
/** A result cheaper than the budget's floor still fits, a little less well (it may be a smaller scope). */
export const PRICE_BELOW_FLOOR_CREDIT = 0.7;
/** Freshness halves every this many days after publication. */
export const FRESHNESS_HALF_LIFE_DAYS = 180;

/** Text relevance (see match-text.ts). */
export const TEXT = {
  /** BM25 term-frequency saturation and length normalisation. */
  k1: 1.2,
  b: 0.75,
  /** How much a query term weighs by where it came from in the source listing (feedback terms: `feedbackWeight`). */
  termWeight: { keyword: 1, title: 1, description: 0.6 },
  /** How much a match in each field counts (title and keywords say what the listing is about). */
  fieldWeight: { title: 3, keywords: 2.5, description: 1 },
  /**
   * A term's credit in a document is presenceFloor + (1 − presenceFloor) × BM25's saturated term
   * frequency: 0 is plain BM25, 1 counts presence only.
   */
  presenceFloor: 0.3,
  /**
   * Centrality: a query term among the document's own key terms (its TF-IDF top 10, 20, 30 words:
   * `keyTermTiers`) gets this share of its credit from that (1 top tier, ⅔, ⅓, else 0), the rest from
   * frequency. On csl-dev a topic word is in the top 10 of 24% of the papers tagged with it but of
   * 5% of the other papers that mention it.
   */
  keyTermWeight: 0.3,
  keyTermTiers: [10, 20, 30],
  /** A query term found only as its dictionary sub-words (热处理 + 保鲜 for 热处理保鲜) counts this much. */
  subwordCredit: 0.4,
  /** A query term found only through its character bigrams counts this much × the share of bigrams found. */
  bigramCredit: 0.3,
  /**
   * Pseudo-relevance feedback for short queries (a need that is one word, a topic): the query is
   * expanded with the `feedbackTerms` words its `feedbackDocs` best candidates are most about
   * (relevance model), and text relevance becomes (1 − feedbackWeight) × the query's own +
   * feedbackWeight × the expansion's. On csl-dev's one-word topic queries: +0.035 MRR@10, +0.007
   * nDCG@10, the same direction on both halves. Longer queries are not expanded: there it cost
   * -unseen 0.02 MRR@10 (the best candidates of an -unseen query are mostly wrong).
   */
  feedbackWeight: 0.2,
  feedbackTerms: 8,
  feedbackDocs: 10,
  feedbackMaxQueryTerms: 1,
  /** Candidates retrieved by each expansion word (fewer than a query word's: they are guesses). */
  feedbackPerTermLimit: 10,
  /** The engine's own relevance score, blended into text relevance. */
  engineScoreWeight: 0.05,
} as const;

/**
 * A source without an industry (a free-text need, the evaluation's queries) gets industry evidence
 * from the industries of its `topK` best text matches, weighted by their text relevance.
 */
export const CONSENSUS = {
  topK: 10,
} as const;

/** Candidate retrieval (see matcher.ts). */
export const RETRIEVAL = {
  /** Candidates from the whole query (the engine's "frequency" strategy: rarest term required). */
  wholeQueryLimit: 150,
  /** Candidates from each query term alone (any-term retrieval). */
  perTermLimit: 30,
  /** At most this many query terms (Meilisearch reads only the first ten words of a query). */
  maxTerms: 10,
  /** A query word found in fewer documents than this is also retrieved by its parts (sub-words or bigrams). */
  backoffBelow: 10,
  /** Also search the whole query without its rare words (`backoffBelow`) when it has any. */
  requeryWithoutRare: true,
  /** Candidates that re-search adds (fewer than the whole query's: it is the fallback). */
  requeryLimit: 30,
  /** Key terms taken from the description besides title and keywords. */
  descriptionTerms: 6,
} as const;

/**
 * Two-stage ranking (see `Matcher.shortlist`): a pool larger than `limit` candidates is cut to the
 * `limit` best by an estimated text relevance before the full text scoring, which reads every
 * candidate's text. Keeps a match on a 100,000-listing index within its latency budget; on csl-dev
 * 120 instead of 80 gains tag queries 0.01 MRR@10 and nothing elsewhere.
 */
export const RERANK = {
  limit: 80,
} as const;

/**
 * Experts for a need: their results are looked for among this many best result matches of the need,
 * counting only those scoring at least this share of the best one.
 */
export const EXPERT_RESULT_MATCHES = 5;
export const EXPERT_RESULT_MIN_SHARE = 0.6;

/** GraphQL `first`: default and cap. */
export const DEFAULT_MATCHES = 10;
export const MAX_MATCHES = 50;
/** At most this many keywords are named in one 关键词匹配 reason. */
export const MAX_REASON_KEYWORDS = 5;
