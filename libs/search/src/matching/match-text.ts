import { Analyzer, condenseQuery, generalIdf, normalizeText, sharedAnalyzer } from '@ttm/search-engine';
import type { IndexedListing } from '../index/indexed-listing';
import { RETRIEVAL, TEXT } from './match-weights';

/** Where a query term came from: it sets how much the term weighs. */
export type TermOrigin = 'keyword' | 'title' | 'description' | 'feedback';

export interface QueryTerm {
  /** Normalized (lower-cased, half-width) word as the analyzer cut it. */
  term: string;
  origin: TermOrigin;
  /** Other forms that count as this term (synonyms), normalized. */
  alternatives: string[];
  /** Feedback terms: the term's share of the expansion (its relevance-model weight). */
  weight?: number;
}

export const originWeight = (term: Pick<QueryTerm, 'origin' | 'weight'>): number => (term.origin === 'feedback' ? (term.weight ?? 1) : TEXT.termWeight[term.origin]);

/** The engine's jieba instance (≈ 30 MB, created on first use): matching segments exactly as the index does. */
export function matchingAnalyzer(): Analyzer {
  return sharedAnalyzer();
}

/** The listing's text fields normalized the way the engine normalizes them. */
export function listingText(listing: Pick<IndexedListing, 'title' | 'keywords' | 'description'>): string {
  return normalizeText([listing.title, ...listing.keywords, listing.description].join('\n'));
}

/**
 * The words a listing is about, most telling first: its keywords, its title, then the key terms of
 * its description (TF-IDF with jieba's IDF table, via `condenseQuery`). Title and keywords together
 * are condensed to `RETRIEVAL.maxTerms` when longer, so the whole-query search stays within the ten
 * words Meilisearch reads.
 */
export function buildQueryTerms(listing: Pick<IndexedListing, 'title' | 'keywords' | 'description'>, synonyms: readonly (readonly string[])[] = []): QueryTerm[] {
  const tokens = matchingAnalyzer();
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  const synonymIndex = synonymLookup(synonyms);
  const add = (term: string, origin: TermOrigin) => {
    if (seen.has(term) || term.length === 0) return;
    seen.add(term);
    out.push({ term, origin, alternatives: synonymIndex.get(term) ?? [] });
  };
  const keywordWords = listing.keywords.flatMap((keyword) => tokens.queryTokens(keyword));
  const titleWords = tokens.queryTokens(listing.title);
  let head = [...new Set([...keywordWords, ...titleWords])];
  if (head.length > RETRIEVAL.maxTerms) {
    const kept = new Set(condenseQuery([...listing.keywords, listing.title].join(' '), RETRIEVAL.maxTerms).map((term) => normalizeText(term)));
    head = head.filter((term) => kept.has(term));
  }
  const keywordSet = new Set(keywordWords);
  for (const term of head) add(term, keywordSet.has(term) ? 'keyword' : 'title');
  if (listing.description.trim() !== '') {
    for (const term of condenseQuery(listing.description, RETRIEVAL.descriptionTerms)) add(normalizeText(term), 'description');
  }
  return out;
}

function synonymLookup(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    const normalized = group.map((term) => normalizeText(term));
    for (const term of normalized) map.set(term, normalized.filter((other) => other !== term));
  }
  return map;
}

/** What the text scorer needs of a candidate, computed once per document version. */
export interface DocProfile {
  fields: { title: Map<string, number>; keywords: Map<string, number>; description: Map<string, number> };
  /** Tokens in all fields. */
  length: number;
  /** Normalized text of all fields (substring checks). */
  text: string;
  /**
   * How central each of the document's key terms is (TF-IDF against jieba's general IDF): 1 for the
   * top tier down to 1/tiers for the last. A query term the document is *about* counts more than
   * one it merely mentions.
   */
  keyTerms: Map<string, number>;
  /** The same key terms, each with its share of their total TF-IDF weight (what the document is about, for feedback). */
  topicWeights: Map<string, number>;
}

/** ≈ 7 KB each: at most ≈ 140 MB. */
const PROFILE_CACHE_SIZE = 20_000;
const profiles = new Map<string, DocProfile>();

function countTokens(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Tokenized fields of a listing (cached by id and version, least recently used dropped first). */
export function docProfile(listing: Pick<IndexedListing, 'id' | 'version' | 'updatedAt' | 'title' | 'keywords' | 'description'>): DocProfile {
  const key = `${listing.id}\u0000${listing.version}\u0000${listing.updatedAt}`;
  const cached = profiles.get(key);
  if (cached) {
    profiles.delete(key);
    profiles.set(key, cached);
    return cached;
  }
  const tokens = matchingAnalyzer();
  const title = tokens.indexTokens(listing.title);
  const keywords = listing.keywords.flatMap((keyword) => tokens.indexTokens(keyword));
  const description = tokens.indexTokens(listing.description);
  const profile: DocProfile = {
    fields: { title: countTokens(title), keywords: countTokens(keywords), description: countTokens(description) },
    length: title.length + keywords.length + description.length,
    text: listingText(listing),
    ...keyTerms([listing.title, ...listing.keywords, listing.description].join('\n')),
  };
  profiles.set(key, profile);
  if (profiles.size > PROFILE_CACHE_SIZE) profiles.delete(profiles.keys().next().value as string);
  return profile;
}

/**
 * The document's key terms by TF-IDF (weighted as `condenseQuery` weighs them, with jieba's general IDF
 * table shared with the engine): their tier's centrality and their share of the weight.
 */
function keyTerms(text: string): Pick<DocProfile, 'keyTerms' | 'topicWeights'> {
  const counts = new Map<string, number>();
  for (const token of matchingAnalyzer().queryTokens(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const ranked = [...counts.entries()]
    .map(([term, count]) => ({
      term,
      weight: Math.sqrt(count) * generalIdf(term) * ([...term].length === 1 ? 0.3 : 1) * (/^\d+(\.\d+)?$/.test(term) ? 0.3 : 1),
    }))
    .sort((a, b) => b.weight - a.weight);
  const tiers = TEXT.keyTermTiers;
  const centrality = new Map<string, number>();
  let tier = 0;
  for (const [rank, { term }] of ranked.entries()) {
    while (tier < tiers.length && rank >= tiers[tier]) tier += 1;
    if (tier >= tiers.length) break;
    centrality.set(term, 1 - tier / tiers.length);
  }
  const kept = ranked.slice(0, tiers[tiers.length - 1]);
  const sum = kept.reduce((acc, entry) => acc + entry.weight, 0);
  return { keyTerms: centrality, topicWeights: new Map(kept.map((entry) => [entry.term, sum > 0 ? entry.weight / sum : 0])) };
}

function bigrams(term: string): string[] {
  const chars = [...term];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** How strongly one document contains one query term: field-weighted BM25 saturation, or partial credit. */
export function termMatch(term: QueryTerm, profile: DocProfile, avgLength: number): number {
  let best = 0;
  for (const [form, credit] of [[term.term, 1] as const, ...term.alternatives.map((alt) => [alt, 0.9] as const)]) {
    const { fieldWeight, k1, b } = TEXT;
    const tf =
      fieldWeight.title * (profile.fields.title.get(form) ?? 0) +
      fieldWeight.keywords * (profile.fields.keywords.get(form) ?? 0) +
      fieldWeight.description * (profile.fields.description.get(form) ?? 0);
    if (tf > 0) {
      const norm = k1 * (1 - b + (b * profile.length) / Math.max(1, avgLength));
      const frequency = TEXT.presenceFloor + ((1 - TEXT.presenceFloor) * tf) / (tf + norm);
      const centrality = profile.keyTerms.get(form) ?? 0;
      best = Math.max(best, credit * ((1 - TEXT.keyTermWeight) * frequency + TEXT.keyTermWeight * centrality));
    } else if (profile.text.includes(form)) {
      // Segmented differently in the document (a sub-word of a longer word jieba did not split).
      best = Math.max(best, credit * TEXT.subwordCredit);
    }
  }
  if (best > 0 || [...term.term].length < 3) return best;
  const has = (part: string) => profile.fields.title.has(part) || profile.fields.keywords.has(part) || profile.fields.description.has(part);
  const parts = cachedParts(term.term).filter((part) => part !== term.term);
  const partShare = parts.length > 0 ? parts.filter(has).length / parts.length : 0;
  const pairs = bigrams(term.term);
  const pairShare = pairs.filter((pair) => profile.text.includes(pair)).length / pairs.length;
  return Math.max(TEXT.subwordCredit * partShare, TEXT.bigramCredit * pairShare);
}

const partsCache = new Map<string, string[]>();
function cachedParts(term: string): string[] {
  let parts = partsCache.get(term);
  if (!parts) {
    parts = matchingAnalyzer()
      .subTokens(term)
      .filter((part) => [...part].length >= 2);
    if (partsCache.size > 10_000) partsCache.clear();
    partsCache.set(term, parts);
  }
  return parts;
}

/** Inverse document frequency (BM25's), from the number of documents containing the term. */
export function idf(documentFrequency: number, documents: number): number {
  const n = Math.max(documents, documentFrequency, 1);
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Text relevance in [0, 1]: the IDF-weighted share of the query's terms the document contains, each
 * scaled by how strongly (saturating term frequency; partial credit for sub-words and bigrams).
 */
export function textRelevance(terms: readonly QueryTerm[], termIdf: readonly number[], profile: DocProfile, avgLength: number): number {
  let total = 0;
  let got = 0;
  terms.forEach((term, i) => {
    const weight = originWeight(term) * termIdf[i];
    total += weight;
    if (weight > 0) got += weight * termMatch(term, profile, avgLength);
  });
  return total === 0 ? 0 : got / total;
}

/**
 * Relevance-model expansion (RM3-style pseudo-relevance feedback) of a short query: the words the best
 * candidates are about, each weighted by Σ over those candidates of (the candidate's share of their
 * total text relevance) × (the word's share of the candidate's key-term weight), without the query's
 * own words. The weights of the returned terms sum to 1.
 */
export function feedbackTerms(query: readonly QueryTerm[], top: readonly { profile: DocProfile; relevance: number }[]): QueryTerm[] {
  const total = top.reduce((sum, doc) => sum + doc.relevance, 0);
  if (total <= 0) return [];
  const present = query.flatMap((term) => [term.term, ...term.alternatives]);
  const mass = new Map<string, number>();
  for (const { profile, relevance } of top) {
    for (const [word, share] of profile.topicWeights) {
      // Parts or wholes of a query word say nothing new (系统 for 控制系统).
      if ([...word].length < 2 || present.some((term) => term.includes(word) || word.includes(term))) continue;
      mass.set(word, (mass.get(word) ?? 0) + (relevance / total) * share);
    }
  }
  const chosen = [...mass.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TEXT.feedbackTerms);
  const sum = chosen.reduce((acc, [, weight]) => acc + weight, 0);
  return sum <= 0 ? [] : chosen.map(([term, weight]) => ({ term, origin: 'feedback' as const, alternatives: [], weight: weight / sum }));
}

/** The dictionary sub-words of a word, or its character bigrams when it has none (for words no document contains). */
export function termParts(term: string): string[] {
  const parts = matchingAnalyzer().subTokens(term).filter((part) => [...part].length >= 2);
  return parts.length > 0 ? parts : [...term].length >= 3 ? bigrams(term) : [];
}
