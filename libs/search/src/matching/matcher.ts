import type { ListingKind } from '@ttm/events';
import { F, MAX_TOTAL_HITS, SearchIndex, SearchRequest, SearchResponse } from '@ttm/search-engine';
import type { IndexedListing } from '../index/indexed-listing';
import { listingKnowledge } from '../concepts/listing-concepts';
import { ConceptFrequencies, ConceptQuery, conceptQueryFor } from './concept-query';
import { PairContext, scorePair, ScoredMatch } from './match-evidence';
import { buildQueryTerms, docProfile, feedbackTerms, idf, matchingAnalyzer, originWeight, QueryTerm, termParts, textRelevance } from './match-text';
import { CONSENSUS, EXPERT_RESULT_MATCHES, EXPERT_RESULT_MIN_SHARE, RERANK, RETRIEVAL, TEXT } from './match-weights';

export interface Match extends ScoredMatch {
  listing: IndexedListing;
}

export interface MatcherOptions {
  /** The clock freshness is measured against. */
  now?: () => Date;
  /**
   * Expand short queries (`TEXT.feedbackMaxQueryTerms`) with the key terms of the best candidates
   * (pseudo-relevance feedback); on unless false.
   */
  feedback?: boolean;
}

interface Pool {
  docs: Map<string, IndexedListing>;
  /** Best engine score of each candidate in the whole-query search. */
  engineScore: Map<string, number>;
  /** Documents containing each term (by term), as counted by the engine. */
  df: Map<string, number>;
  /** Per candidate: the query terms whose own search returned it, with the engine's score (sub-word hits at reduced credit). */
  termHits: Map<string, Map<string, number>>;
}

const SYNONYMS_TTL_MS = 30_000;

/**
 * Finds the listings of `kind` that best answer a source listing: candidates come from the engine
 * (through the `SearchIndex` interface, so Meilisearch and the embedded engine both work) — one search
 * with the whole query plus one per query term — and are re-ranked by text relevance and structured
 * evidence (`scorePair`). Candidates are whatever the index holds: published listings only.
 */
export class Matcher {
  private synonyms: { groups: string[][]; at: number } | undefined;
  private readonly conceptFrequencies = new ConceptFrequencies();

  constructor(
    private readonly index: SearchIndex<IndexedListing>,
    private readonly options: MatcherOptions = {},
  ) {}

  async match(source: IndexedListing, kind: ListingKind, first: number): Promise<Match[]> {
    const filter = F.and(F.eq('kind', kind), F.ne('id', source.id));
    const terms = buildQueryTerms(source, await this.synonymGroups());
    if (terms.length === 0) return [];
    // For experts: the need's result matches are looked up while the experts are retrieved.
    const ownResultsPending = kind === 'EXPERT' && source.kind === 'NEED' ? this.ownResultsByOwner(source) : undefined;
    // Awaited below; a failure of the retrieval first must not leave its rejection unhandled.
    ownResultsPending?.catch(() => undefined);
    const documents = await this.countOf(kind);
    const pool: Pool = { docs: new Map(), engineScore: new Map(), df: new Map(), termHits: new Map() };
    const head = terms.filter((term) => term.origin === 'keyword' || term.origin === 'title');
    const wholeQuery = (head.length > 0 ? head : terms).slice(0, RETRIEVAL.maxTerms).map((term) => term.term).join(' ');
    const [, concepts] = await Promise.all([
      this.retrieve(pool, terms, filter, wholeQuery),
      conceptQueryFor(this.index, this.conceptFrequencies, listingKnowledge(), source, kind, filter, documents, (hit) => pool.docs.set(hit.id, hit)),
    ]);

    const ownResults = await ownResultsPending;
    const context = { ownResults, concepts };
    let ranked = this.rank(source, terms, pool, documents, context);
    if (this.options.feedback !== false && ranked.length > 0 && terms.length <= TEXT.feedbackMaxQueryTerms) {
      const top = ranked.slice(0, TEXT.feedbackDocs).map((match) => ({
        profile: docProfile(match.listing),
        relevance: match.evidence.find((item) => item.name === 'text')?.value ?? 0,
      }));
      const expansion = feedbackTerms(terms, top);
      if (expansion.length > 0) {
        await this.retrieve(pool, expansion, filter, undefined);
        ranked = this.rank(source, terms, pool, documents, context, expansion);
      }
    }
    return ranked.slice(0, first);
  }

  /** Listings of the kind (IDF's N); Meilisearch caps hit counts at MAX_TOTAL_HITS, then the index size stands in. */
  private async countOf(kind: ListingKind): Promise<number> {
    const [response] = await this.index.searchMany([{ filter: F.eq('kind', kind), limit: 0 }]);
    return response.totalHits === MAX_TOTAL_HITS ? (await this.index.stats()).documents : response.totalHits;
  }

  private async synonymGroups(): Promise<string[][]> {
    if (!this.synonyms || Date.now() - this.synonyms.at > SYNONYMS_TTL_MS) {
      this.synonyms = { groups: await this.index.getSynonyms(), at: Date.now() };
    }
    return this.synonyms.groups;
  }

  /**
   * The whole query (if given) and each term alone in one round trip, plus a second one when some
   * words are rare (their parts, the whole query without them); records candidates and document frequencies.
   */
  private async retrieve(pool: Pool, terms: readonly QueryTerm[], filter: ReturnType<typeof F.and>, wholeQuery: string | undefined): Promise<void> {
    const requests: SearchRequest[] = terms.map((term) => ({ query: term.term, filter, limit: term.origin === 'feedback' ? TEXT.feedbackPerTermLimit : RETRIEVAL.perTermLimit }));
    if (wholeQuery !== undefined) requests.push({ query: wholeQuery, filter, limit: RETRIEVAL.wholeQueryLimit });
    const responses: SearchResponse<IndexedListing>[] = await this.index.searchMany(requests);
    const missing: string[] = [];
    terms.forEach((term, i) => {
      pool.df.set(term.term, responses[i].totalHits);
      for (const hit of responses[i].hits) {
        pool.docs.set(hit.id, hit.document);
        recordTermHit(pool, hit.id, term.term, hit.score);
      }
      // Feedback words come from candidates' texts: they are found as they are, no need for their parts.
      if (responses[i].totalHits < RETRIEVAL.backoffBelow && term.origin !== 'feedback') missing.push(term.term);
    });
    // Words few or no documents contain (介入性, 桥梁工程): retrieve by their parts as well, so that the
    // documents the text scorer would give partial credit to are among the candidates.
    const partOf = new Map<string, string>();
    for (const term of missing) for (const part of termParts(term)) if (!pool.df.has(part) && !partOf.has(part)) partOf.set(part, term);
    const parts = [...partOf.keys()];
    const followUp: SearchRequest[] = parts.map((part) => ({ query: part, filter, limit: RETRIEVAL.perTermLimit }));
    // The whole query's hits all contain its rarest word; when that is one of these rare words, the
    // documents matching the rest of the query are searched for too (in the same round trip).
    const rest = wholeQuery === undefined ? [] : wholeQuery.split(' ').filter((term) => !missing.includes(term));
    if (wholeQuery !== undefined && RETRIEVAL.requeryWithoutRare && rest.length >= 2 && rest.length < wholeQuery.split(' ').length) {
      followUp.push({ query: rest.join(' '), filter, limit: RETRIEVAL.requeryLimit });
    }
    // Their hits are candidates only: the engine's score for the reduced query is not the whole query's.
    const found = followUp.length > 0 ? await this.index.searchMany(followUp) : [];
    found.forEach((response, i) => {
      for (const hit of response.hits) {
        pool.docs.set(hit.id, hit.document);
        // A part's hit is partial evidence of the rare word it came from (for the shortlist's estimate).
        if (i < parts.length) recordTermHit(pool, hit.id, partOf.get(parts[i]) as string, TEXT.subwordCredit * hit.score);
      }
    });
    if (wholeQuery !== undefined) {
      for (const hit of responses[terms.length].hits) {
        pool.docs.set(hit.id, hit.document);
        pool.engineScore.set(hit.id, Math.max(hit.score, pool.engineScore.get(hit.id) ?? 0));
      }
    }
  }

  /**
   * A keyword's specificity: the highest IDF among its words that are query terms (a keyword
   * phrase is as specific as its rarest word), else the highest IDF of the query.
   */
  private keywordWeight(terms: readonly QueryTerm[], termIdf: readonly number[]): (keyword: string) => number {
    const byTerm = new Map(terms.map((term, i) => [term.term, termIdf[i]]));
    const fallback = Math.max(1, ...termIdf);
    const cache = new Map<string, number>();
    return (keyword) => {
      let weight = cache.get(keyword);
      if (weight === undefined) {
        const known = matchingAnalyzer()
          .queryTokens(keyword)
          .map((token) => byTerm.get(token))
          .filter((value): value is number => value !== undefined);
        weight = known.length > 0 ? Math.max(...known) : fallback;
        cache.set(keyword, weight);
      }
      return weight;
    };
  }

  /**
   * The candidates worth the full text scoring (which segments each document: ≈ 0.5 ms a document, the
   * bulk of a match's time on a large index). A large pool is cut to `RERANK.limit` by the same score
   * with the text relevance estimated from what retrieval already knows — which query terms' own
   * searches returned the document, and the engine's scores — instead of reading the document.
   */
  private shortlist(source: IndexedListing, query: QueryWeights, pool: Pool, context: RankContext): IndexedListing[] {
    const candidates = [...pool.docs.values()];
    if (candidates.length <= RERANK.limit) return candidates;
    const own = estimator(query.terms, query.termIdf, pool);
    const expanded = query.expansion.length > 0 ? estimator(query.expansion, query.expansionIdf, pool) : undefined;
    const now = (this.options.now ?? (() => new Date()))();
    // Without the keyword evidence: it reads both listings' whole texts, and text relevance already counts keywords.
    const withoutKeywords = { ...source, keywords: [] };
    const estimated = candidates.map((doc) => {
      const relevance = expanded ? (1 - TEXT.feedbackWeight) * own(doc.id) + TEXT.feedbackWeight * expanded(doc.id) : own(doc.id);
      const text = (1 - TEXT.engineScoreWeight) * relevance + TEXT.engineScoreWeight * (pool.engineScore.get(doc.id) ?? 0);
      return { doc, score: scorePair(withoutKeywords, doc, text, now, pairContext(context, doc)).score };
    });
    estimated.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
    return estimated.slice(0, RERANK.limit).map((entry) => entry.doc);
  }

  /** The need's best result matches, best per owner: evidence for the experts who own them. */
  private async ownResultsByOwner(need: IndexedListing): Promise<Map<string, { title: string; value: number }>> {
    const results = await this.match(need, 'RESULT', EXPERT_RESULT_MATCHES);
    const best = results[0]?.score ?? 0;
    const byOwner = new Map<string, { title: string; value: number }>();
    for (const result of results) {
      if (!byOwner.has(result.listing.ownerId) && best > 0 && result.score >= EXPERT_RESULT_MIN_SHARE * best) byOwner.set(result.listing.ownerId, { title: result.listing.title, value: result.score / best });
    }
    return byOwner;
  }

  /** Ranks the pool; with an `expansion` (feedback terms), text relevance is interpolated with the expansion's. */
  private rank(
    source: IndexedListing,
    terms: readonly QueryTerm[],
    pool: Pool,
    documents: number,
    context: RankContext,
    expansion: readonly QueryTerm[] = [],
  ): Match[] {
    const termIdf = terms.map((term) => idf(pool.df.get(term.term) ?? 0, documents));
    const expansionIdf = expansion.map((term) => idf(pool.df.get(term.term) ?? 0, documents));
    const candidates = this.shortlist(source, { terms, termIdf, expansion, expansionIdf }, pool, context);
    const profiles = candidates.map((doc) => docProfile(doc));
    const avgLength = profiles.reduce((sum, profile) => sum + profile.length, 0) / Math.max(1, profiles.length);
    const now = (this.options.now ?? (() => new Date()))();
    const texts = candidates.map((doc, i) => {
      const own = textRelevance(terms, termIdf, profiles[i], avgLength);
      const relevance = expansion.length > 0 ? (1 - TEXT.feedbackWeight) * own + TEXT.feedbackWeight * textRelevance(expansion, expansionIdf, profiles[i], avgLength) : own;
      return (1 - TEXT.engineScoreWeight) * relevance + TEXT.engineScoreWeight * (pool.engineScore.get(doc.id) ?? 0);
    });
    const consensus = source.industry ? undefined : industryConsensus(candidates, texts);
    const keywordWeight = this.keywordWeight(terms, termIdf);
    const matches = candidates.map((doc, i) => ({
      listing: doc,
      ...scorePair(source, doc, texts[i], now, { ...pairContext(context, doc), industryConsensus: consensus, keywordWeight }),
    }));
    return matches.sort((a, b) => b.score - a.score || a.listing.id.localeCompare(b.listing.id));
  }
}

/** What ranking knows beyond the text: the expert's own results (experts for a need), the concept query. */
interface RankContext {
  ownResults?: Map<string, { title: string; value: number }>;
  concepts?: ConceptQuery;
}

function pairContext(context: RankContext, doc: IndexedListing): PairContext {
  return {
    ownResult: context.ownResults ? (context.ownResults.get(doc.ownerId) ?? null) : undefined,
    concepts: context.concepts?.evidence(doc),
  };
}

interface QueryWeights {
  terms: readonly QueryTerm[];
  termIdf: readonly number[];
  expansion: readonly QueryTerm[];
  expansionIdf: readonly number[];
}

/** Estimated text relevance of a candidate: the IDF-weighted share of the terms whose own search returned it. */
function estimator(terms: readonly QueryTerm[], termIdf: readonly number[], pool: Pool): (id: string) => number {
  const weights = terms.map((term, i) => originWeight(term) * termIdf[i]);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return (id) => {
    const hits = pool.termHits.get(id);
    if (!hits || total === 0) return 0;
    let got = 0;
    terms.forEach((term, i) => (got += weights[i] * (hits.get(term.term) ?? 0)));
    return got / total;
  };
}

function recordTermHit(pool: Pool, id: string, term: string, engineScore: number): void {
  let hits = pool.termHits.get(id);
  if (!hits) pool.termHits.set(id, (hits = new Map()));
  // A hit of the term's own search means the document contains it: presence credit, plus how well.
  const credit = TEXT.presenceFloor + (1 - TEXT.presenceFloor) * engineScore;
  hits.set(term, Math.max(credit, hits.get(term) ?? 0));
}

/**
 * For a source without an industry: how strongly the best text matches agree on each industry
 * (pseudo-relevance feedback on the category), as a share of the most agreed-on one.
 */
export function industryConsensus(candidates: readonly IndexedListing[], texts: readonly number[]): Map<string, number> {
  const order = texts.map((text, i) => ({ text, i })).sort((a, b) => b.text - a.text).slice(0, CONSENSUS.topK);
  const votes = new Map<string, number>();
  for (const { text, i } of order) {
    const industry = candidates[i].industry;
    if (industry) votes.set(industry, (votes.get(industry) ?? 0) + text);
  }
  const best = Math.max(0, ...votes.values());
  const shares = new Map<string, number>();
  if (best > 0) for (const [industry, vote] of votes) shares.set(industry, vote / best);
  return shares;
}
