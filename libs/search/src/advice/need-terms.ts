import { normalizeText } from '@ttm/search-engine';
import { industryPath } from '@ttm/taxonomy';
import type { AnnotatedText, ListingKnowledge } from '../concepts/listing-concepts';
import { ConceptRelation, expandConcepts } from '../matching/concept-evidence';
import { CONCEPTS } from '../matching/match-weights';

/** How many technical terms are suggested at most. */
export const SUGGESTED_TERMS = 8;
/**
 * How a suggested term ranks by its relation to the draft: the standard name of what the draft says comes
 * first, then the methods for its problems, then related concepts. (Matching weighs a bridge above the same
 * concept; a writing aid does not: the author should first see the term for what they wrote.)
 */
const TERM_RELATION_WEIGHT: Record<ConceptRelation, number> = { SAME: 1, BRIDGE: 0.9, NARROWER: 0, BROADER: 0, RELATED: 0.5 };

/** A concept named later in the draft (fewer mentions) leads to terms ranked a little lower: weight / (1 + this × its rank). */
const LATER_CONCEPT_DISCOUNT = 0.15;
/** A concept whose standard name the draft already uses is still worth a keyword, a little less than one it names in other words. */
const ALREADY_WRITTEN_DISCOUNT = 0.85;
/**
 * A term of another industry than the draft's (its industry, or those of the concepts it names) counts
 * this much: 横条 in a 经编 need is addressed by 织物疵点视觉检测 rather than by 袜子视觉检测. Terms of the
 * same industry count `SAME_INDUSTRY_CREDIT`; general methods (no industry) neither.
 */
const OTHER_INDUSTRY_CREDIT = 0.6;
const SAME_INDUSTRY_CREDIT = 1.15;

export interface SuggestedTerm {
  /** The concept's id in the knowledge graph. */
  concept: string;
  /** Its Chinese prefLabel: the word researchers use. */
  label: string;
  /** Why it is suggested, in Chinese: 问题“横条”的常用技术：布面疵点视觉检测. */
  why: string;
}

/**
 * The technical terms a researcher would search for the draft's problem, from the knowledge graph: the
 * concepts the draft names (under their standard names — 布面横路 is 横条), what addresses the problems it
 * names (problem → method bridges, also through broader problems, as matching follows them) and related
 * concepts. Ranked by the strength of the link (`expandConcepts`' weights) and how prominent the draft's
 * concept is; concepts already among the keywords are left out.
 */
export function suggestTerms(knowledge: ListingKnowledge, draft: AnnotatedText & { industry?: string | null }, max = SUGGESTED_TERMS): SuggestedTerm[] {
  const { graph } = knowledge;
  const annotations = knowledge.annotationsOf(draft);
  if (annotations.length === 0) return [];
  const rankOf = new Map(annotations.map((annotation, rank) => [annotation.concept, rank]));
  const writtenAs = new Map(annotations.map((annotation) => [annotation.concept, annotation.labels]));
  const keywords = new Set(draft.keywords.map((keyword) => normalizeText(keyword.trim())));
  const text = normalizeText(`${draft.title}\n${draft.description}`);
  const context = new Set<string>();
  const addIndustry = (code: string) => industryPath(code).forEach((industry) => context.add(industry.code));
  if (draft.industry) addIndustry(draft.industry);
  for (const annotation of annotations) graph.concept(annotation.concept)?.industries.forEach(addIndustry);
  const industryCredit = (concept: string) => {
    const industries = graph.concept(concept)?.industries ?? [];
    if (industries.length === 0 || context.size === 0) return 1;
    return industries.some((code) => context.has(code)) ? SAME_INDUSTRY_CREDIT : OTHER_INDUSTRY_CREDIT;
  };
  const expansion = expandConcepts(graph, annotations.map((annotation) => annotation.concept));
  const ranked: (SuggestedTerm & { weight: number })[] = [];
  for (const [concept, via] of expansion) {
    const label = graph.label(concept);
    if (keywords.has(normalizeText(label))) continue;
    // The link's own strength (learned bridge weight, broader-problem discount) without matching's relation weight.
    const strength = via.weight / CONCEPTS.relationWeight[via.relation];
    let weight = (TERM_RELATION_WEIGHT[via.relation] * strength * industryCredit(concept)) / (1 + LATER_CONCEPT_DISCOUNT * (rankOf.get(via.from) ?? 0));
    let why: string;
    switch (via.relation) {
      case 'SAME': {
        const written = (writtenAs.get(concept) ?? []).find((value) => value !== label);
        if (text.includes(normalizeText(label))) weight *= ALREADY_WRITTEN_DISCOUNT;
        why = written && !text.includes(normalizeText(label)) ? `文中“${written}”的规范术语` : '文中提到的技术概念';
        break;
      }
      case 'BRIDGE':
        // Only problem → method: the draft is a need, so what it names is the problem side.
        if (via.problem !== via.from) continue;
        why = `问题“${graph.label(via.from)}”的常用技术：${label}`;
        break;
      case 'RELATED':
        why = `与“${graph.label(via.from)}”相关的概念`;
        break;
      default:
        // Narrower and broader concepts restate the draft's own at another level: not new search words.
        continue;
    }
    ranked.push({ concept, label, why, weight });
  }
  ranked.sort((a, b) => b.weight - a.weight || a.concept.localeCompare(b.concept));
  const seen = new Set<string>();
  const terms: SuggestedTerm[] = [];
  for (const { concept, label, why } of ranked) {
    if (seen.has(label)) continue;
    seen.add(label);
    terms.push({ concept, label, why });
    if (terms.length === max) break;
  }
  return terms;
}
