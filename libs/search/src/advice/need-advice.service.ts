import { Injectable } from '@nestjs/common';
import type { ListingDocument } from '@ttm/events';
import { normalizeText } from '@ttm/search-engine';
import { listingKnowledge } from '../concepts/listing-concepts';
import { toIndexedListing } from '../index/indexed-listing';
import type { Match } from '../matching/matcher';
import { MAX_MATCHES } from '../matching/match-weights';
import { MatchingService } from '../matching/matching.service';
import { ListingTagsService } from '../suggest/listing-tags.service';
import { detectLeaks } from './leak-detection';
import { NeedDraftInput } from './need-advice.inputs';
import { NeedAdvice } from './need-advice.model';
import { CRITERION_MAX, NamedConcepts, scoreNeed } from './need-quality';
import { suggestTerms } from './need-terms';

/**
 * A published need scoring this much against the draft is shown as a possible duplicate. On the demo
 * needs, a need's own copy scores 0.87–0.96, a rewording of it ≈ 0.65–0.75, and the most similar other
 * need 0.24 (median) to 0.52 (max) — up to ≈ 0.60 for a short draft, whose few words saturate the text score.
 */
export const DUPLICATE_THRESHOLD = 0.62;
export const MAX_DUPLICATES = 3;
/**
 * A result or expert scoring this much would be worth proposing: on the demo needs the best result scores
 * 0.63–0.74 (10th percentile–median) and the tenth 0.07, so this counts the plausible ones, not the tail.
 */
export const MATCH_COUNT_THRESHOLD = 0.3;
/** Below this many characters of title and description there is nothing to match or suggest yet. */
const MIN_TEXT_FOR_MATCHING = 6;
/** The id the draft has as a matching source: no listing has it, so nothing is excluded as "itself". */
const DRAFT_ID = 'need-draft';

/** Concept kinds that name the object a problem is about (problem clarity). */
const OBJECT_KINDS = new Set(['DEVICE', 'PRODUCT', 'MATERIAL', 'PROCESS']);

/**
 * 需求诊断 (`needAdvice`): scores a draft need, suggests technical terms and an industry, finds
 * possible duplicates among published needs, counts the results and experts that would match it now,
 * and warns about what in its public text gives the publisher away. Nothing is stored; the draft is
 * matched as a need would be once published (the same Matcher, against the index of published listings).
 */
@Injectable()
export class NeedAdviceService {
  constructor(
    private readonly matching: MatchingService,
    private readonly tags: ListingTagsService,
  ) {}

  async advise(draft: NeedDraftInput): Promise<NeedAdvice> {
    const knowledge = listingKnowledge();
    const keywords = draft.keywords.map((keyword) => keyword.trim()).filter(Boolean);
    const text = { title: draft.title.trim(), description: draft.description.trim(), keywords };
    const annotations = knowledge.annotationsOf(text);
    const labelsOfKind = (accept: (kind: string) => boolean) =>
      annotations.filter((annotation) => accept(knowledge.graph.kind(annotation.concept) ?? '')).map((annotation) => knowledge.graph.label(annotation.concept));
    const named: NamedConcepts = { problems: labelsOfKind((kind) => kind === 'PROBLEM'), objects: labelsOfKind((kind) => OBJECT_KINDS.has(kind)) };
    const quality = scoreNeed(
      { ...text, budgetMin: draft.budgetMin ?? null, budgetMax: draft.budgetMax ?? null, cooperationModes: draft.cooperationModes, deadline: draft.deadline ?? null, minTrl: draft.minTrl ?? null },
      named,
    );
    const leakWarnings = detectLeaks(text, {
      anonymous: draft.anonymous,
      organizationName: draft.organizationName,
      // A short form that is a technical term (光伏, 经编机) is not the organisation's name in the text.
      isGeneric: (form) => knowledge.annotationsOf({ title: form, description: '', keywords: [] }).some((annotation) => annotation.labels.some((label) => normalizeText(label) === normalizeText(form))),
    });
    const base = { score: quality.total, maxScore: 4 * CRITERION_MAX, criteria: quality.criteria, leakWarnings };
    const written = `${text.title}\n${text.description}`.trim();
    if (written.length < MIN_TEXT_FOR_MATCHING) {
      return { ...base, suggestedTerms: [], textKeywords: [], industries: [], possibleDuplicates: [], matchingResults: 0, matchingExperts: 0 };
    }
    const source = toIndexedListing(this.draftDocument(draft, text), knowledge);
    const [tags, needs, results, experts] = await Promise.all([
      this.tags.suggest(written),
      this.matching.matchListing(source, 'NEED', MAX_DUPLICATES),
      this.matching.matchListing(source, 'RESULT', MAX_MATCHES),
      this.matching.matchListing(source, 'EXPERT', MAX_MATCHES),
    ]);
    const chosen = new Set(keywords.map((keyword) => normalizeText(keyword)));
    const suggestedTerms = suggestTerms(knowledge, { ...text, industry: draft.industry });
    const termLabels = new Set(suggestedTerms.map((term) => normalizeText(term.label)));
    return {
      ...base,
      suggestedTerms,
      textKeywords: tags.keywords.filter((keyword) => !chosen.has(normalizeText(keyword)) && !termLabels.has(normalizeText(keyword))),
      industries: tags.industries,
      possibleDuplicates: needs
        .filter((match) => match.score >= DUPLICATE_THRESHOLD)
        .map((match) => ({ id: match.listing.id, title: match.listing.title, score: Math.round(match.score * 1e4) / 1e4 })),
      matchingResults: countAbove(results),
      matchingExperts: countAbove(experts),
    };
  }

  /** The draft as the marketplace would publish it (a need's `trl` is its minimum TRL). */
  private draftDocument(draft: NeedDraftInput, text: { title: string; description: string; keywords: string[] }): ListingDocument {
    const now = new Date().toISOString();
    return {
      id: DRAFT_ID,
      kind: 'NEED',
      version: 0,
      ...text,
      industry: draft.industry ?? '',
      region: draft.regionCode ?? null,
      ownerId: '',
      organizationName: null,
      cooperationModes: [...draft.cooperationModes],
      budgetMin: draft.budgetMin ?? null,
      budgetMax: draft.budgetMax ?? null,
      askingPrice: null,
      bounty: null,
      trl: draft.minTrl ?? null,
      ipType: null,
      openLicense: false,
      institution: null,
      expertTitle: null,
      deadline: draft.deadline ?? null,
      publishedAt: now,
      updatedAt: now,
    };
  }
}

const countAbove = (matches: readonly Match[]) => matches.filter((match) => match.score >= MATCH_COUNT_THRESHOLD).length;
