import type { ListingKind } from '@ttm/events';
import { normalizeText } from '@ttm/search-engine';
import { commonTopLevelIndustry, COOPERATION_MODE_NAMES, CooperationMode, industryByCode, industryName, industryPath, sameCity } from '@ttm/taxonomy';
import type { IndexedListing } from '../index/indexed-listing';
import { listingText } from './match-text';
import { EvidenceName, EVIDENCE_WEIGHTS, FIT_NEEDS_RELEVANCE, FRESHNESS_HALF_LIFE_DAYS, RELEVANCE_EVIDENCE, INDUSTRY_TOP_LEVEL_CREDIT, MAX_REASON_KEYWORDS, PRICE_BELOW_FLOOR_CREDIT } from './match-weights';

/** What the structured evidence reads of a listing (the index document). */
export type MatchListing = Pick<
  IndexedListing,
  'id' | 'kind' | 'title' | 'keywords' | 'description' | 'industry' | 'region' | 'cooperationModes' | 'budgetMin' | 'budgetMax' | 'askingPrice' | 'trl' | 'publishedAt'
>;

/** One piece of evidence about a pair: a value in [0, 1] and, when it is a point in favour, the reason shown. */
export interface Evidence {
  name: EvidenceName;
  value: number;
  reason: string | null;
}

export interface ScoredMatch {
  score: number;
  reasons: string[];
  evidence: Evidence[];
}

/** 800000 → "80", 35000 → "3.5" (amounts are shown in 万元). */
export function formatWan(amount: number): string {
  return String(Math.round((amount / 10_000) * 100) / 100);
}

const modeName = (mode: string): string => COOPERATION_MODE_NAMES[mode as CooperationMode] ?? mode;
const MODE_ORDER = Object.keys(COOPERATION_MODE_NAMES);

/** Orders a pair as (need, counterpart) whichever side the match was asked from. */
function needAndOther(source: MatchListing, candidate: MatchListing): { need: MatchListing | null; other: MatchListing } {
  if (source.kind === 'NEED') return { need: source, other: candidate };
  if (candidate.kind === 'NEED') return { need: candidate, other: source };
  return { need: null, other: candidate };
}

/**
 * Keywords of either side that occur in the other side's text (title, keywords, description),
 * source keywords first. Each returned term occurs in both listings' texts. The value is the share
 * of all keywords found, each weighted by `weight` (e.g. its IDF, so that a specific keyword found
 * counts more than a generic one).
 */
export function sharedKeywords(
  source: MatchListing,
  candidate: MatchListing,
  weight: (keyword: string) => number = () => 1,
): { terms: string[]; value: number } | null {
  if (source.keywords.length === 0) return null;
  const sourceText = listingText(source);
  const candidateText = listingText(candidate);
  const terms: string[] = [];
  const seen = new Set<string>();
  let found = 0;
  let total = 0;
  const consider = (keyword: string, otherText: string) => {
    const normalized = normalizeText(keyword.trim());
    if (normalized === '') return;
    const w = weight(normalized);
    total += w;
    if (!otherText.includes(normalized)) return;
    found += w;
    if (seen.has(normalized)) return;
    // A shorter keyword inside one already named adds nothing to the reason.
    if ([...seen].some((term) => term.includes(normalized))) return;
    seen.add(normalized);
    terms.push(keyword.trim());
  };
  for (const keyword of source.keywords) consider(keyword, candidateText);
  for (const keyword of candidate.keywords) consider(keyword, sourceText);
  return { terms, value: total === 0 ? 0 : Math.min(1, found / total) };
}

function industryEvidence(source: MatchListing, candidate: MatchListing, consensus: ReadonlyMap<string, number> | undefined): Evidence | null {
  if (!source.industry) return consensus ? { name: 'industry', value: consensus.get(candidate.industry) ?? 0, reason: null } : null;
  if (source.industry === candidate.industry) {
    return { name: 'industry', value: 1, reason: `同属行业: ${industryName(source.industry)}` };
  }
  const common = commonTopLevelIndustry(source.industry, candidate.industry);
  if (common) {
    if (industryPath(source.industry)[0]?.code === industryPath(candidate.industry)[0]?.code) {
      return { name: 'industry', value: INDUSTRY_TOP_LEVEL_CREDIT, reason: `同属行业: ${common.name}` };
    }
    // One side's industry makes what the other's uses (纺织服装机械 → 经编).
    const [provider, user] = industryByCode(candidate.industry)?.serves === common.code ? [candidate, source] : [source, candidate];
    return { name: 'industry', value: INDUSTRY_TOP_LEVEL_CREDIT, reason: `行业对口: ${industryName(provider.industry)} → ${industryName(user.industry)}` };
  }
  return { name: 'industry', value: 0, reason: null };
}

/** A need's `trl` is the minimum it asks for; a result's is its own maturity. */
function trlEvidence(need: MatchListing | null, other: MatchListing): Evidence | null {
  if (!need || other.kind !== 'RESULT' || need.trl === null) return null;
  if (other.trl === null) return { name: 'trl', value: 0, reason: null };
  if (other.trl >= need.trl) return { name: 'trl', value: 1, reason: `成熟度 TRL ${other.trl} ≥ 需求要求 ${need.trl}` };
  // Each level short of the minimum costs a third.
  return { name: 'trl', value: Math.max(0, 1 - (need.trl - other.trl) / 3), reason: null };
}

function priceEvidence(need: MatchListing | null, other: MatchListing): Evidence | null {
  if (!need || other.kind !== 'RESULT' || (need.budgetMin === null && need.budgetMax === null)) return null;
  const price = other.askingPrice;
  if (price === null) return { name: 'price', value: 0, reason: null };
  const { budgetMin: min, budgetMax: max } = need;
  if (max !== null && price > max) return { name: 'price', value: 0, reason: null };
  if (min !== null && price < min) return { name: 'price', value: PRICE_BELOW_FLOOR_CREDIT, reason: null };
  const reason =
    min !== null && max !== null
      ? `报价 ${formatWan(price)} 万在预算 ${formatWan(min)}–${formatWan(max)} 万内`
      : max !== null
        ? `报价 ${formatWan(price)} 万在预算 ${formatWan(max)} 万以内`
        : `报价 ${formatWan(price)} 万不低于预算下限 ${formatWan(min as number)} 万`;
  return { name: 'price', value: 1, reason };
}

function cooperationEvidence(need: MatchListing | null, other: MatchListing): Evidence | null {
  if (!need || other.kind !== 'RESULT' || need.cooperationModes.length === 0) return null;
  const common = MODE_ORDER.filter((mode) => other.cooperationModes.includes(mode) && need.cooperationModes.includes(mode));
  if (common.length === 0) return { name: 'cooperation', value: 0, reason: null };
  const names = common.map(modeName).join('、');
  return { name: 'cooperation', value: 1, reason: `可${names} / 需求接受${names}` };
}

function regionEvidence(source: MatchListing, candidate: MatchListing): Evidence | null {
  if (!source.region) return null;
  const city = candidate.region ? sameCity(source.region, candidate.region) : null;
  return city ? { name: 'region', value: 1, reason: `同在${city}` } : { name: 'region', value: 0, reason: null };
}

function freshnessEvidence(candidate: MatchListing, now: Date): Evidence {
  const ageDays = Math.max(0, (now.getTime() - Date.parse(candidate.publishedAt)) / 86_400_000);
  return { name: 'freshness', value: Number.isFinite(ageDays) ? 0.5 ** (ageDays / FRESHNESS_HALF_LIFE_DAYS) : 0, reason: null };
}

function ownResultEvidence(source: MatchListing, candidate: MatchListing, ownResult: PairContext['ownResult']): Evidence | null {
  if (source.kind !== 'NEED' || candidate.kind !== 'EXPERT' || ownResult === undefined) return null;
  if (ownResult === null) return { name: 'expertResults', value: 0, reason: null };
  return { name: 'expertResults', value: Math.max(0, Math.min(1, ownResult.value)), reason: `本人成果: ${ownResult.title}` };
}

/** The label of the keyword reason: experts list research fields. */
const keywordLabel = (kind: ListingKind): string => (kind === 'EXPERT' ? '研究方向匹配' : '关键词匹配');

/**
 * Scores one (source, candidate) pair from its text relevance (computed by the caller over the
 * candidate set) and the structured evidence. Pure: the same inputs always give the same result,
 * and each reason states a fact that holds of the two listings.
 */
export interface PairContext {
  /** For a source without an industry: how much the best text matches agree on each industry. */
  industryConsensus?: ReadonlyMap<string, number>;
  /**
   * For an expert candidate of a need: the best of the expert's own results among the need's result
   * matches (its title, and its score relative to the best result match), if any.
   */
  ownResult?: { title: string; value: number } | null;
  /** How specific a (normalized) keyword is; all keywords count the same without it. */
  keywordWeight?: (keyword: string) => number;
  /** Knowledge-graph evidence for the pair (see concept-evidence.ts); absent when the source names no concept. */
  concepts?: { value: number; reason: string | null };
}

export function scorePair(source: MatchListing, candidate: MatchListing, text: number, now: Date, context: PairContext = {}): ScoredMatch {
  const { need, other } = needAndOther(source, candidate);
  const evidence: Evidence[] = [{ name: 'text', value: clamp01(text), reason: null }];
  const keywords = sharedKeywords(source, candidate, context.keywordWeight);
  if (keywords) {
    const named = keywords.terms.slice(0, MAX_REASON_KEYWORDS);
    const label = keywordLabel(candidate.kind === 'EXPERT' ? 'EXPERT' : source.kind);
    evidence.push({ name: 'keywords', value: keywords.value, reason: named.length > 0 ? `${label}: ${named.join(', ')}` : null });
  }
  if (context.concepts) evidence.push({ name: 'concepts', value: clamp01(context.concepts.value), reason: context.concepts.reason });
  for (const item of [
    industryEvidence(source, candidate, context.industryConsensus),
    ownResultEvidence(source, candidate, context.ownResult),
    trlEvidence(need, other),
    priceEvidence(need, other),
    cooperationEvidence(need, other),
    regionEvidence(source, candidate),
    freshnessEvidence(candidate, now),
  ]) {
    if (item) evidence.push(item);
  }
  const relevance = Math.max(...evidence.filter((item) => RELEVANCE_EVIDENCE.includes(item.name)).map((item) => item.value));
  const fitShare = Math.min(1, relevance / FIT_NEEDS_RELEVANCE);
  let total = 0;
  let got = 0;
  for (const item of evidence) {
    const share = RELEVANCE_EVIDENCE.includes(item.name) ? 1 : fitShare;
    total += EVIDENCE_WEIGHTS[item.name];
    got += EVIDENCE_WEIGHTS[item.name] * item.value * share;
  }
  const score = total === 0 ? 0 : got / total;
  return { score, reasons: evidence.flatMap((item) => (item.reason ? [item.reason] : [])), evidence };
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));
