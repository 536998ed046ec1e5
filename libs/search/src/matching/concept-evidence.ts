import type { BridgeLink, KnowledgeGraph } from '@ttm/knowledge';
import { CONCEPTS } from './match-weights';

/**
 * How a candidate's concept is reached from one the source names. A value as well as a type: search's
 * GraphQL enum ConceptRelation is this object (search.model.ts).
 */
export const ConceptRelation = { SAME: 'SAME', BRIDGE: 'BRIDGE', NARROWER: 'NARROWER', BROADER: 'BROADER', RELATED: 'RELATED' } as const;
export type ConceptRelation = (typeof ConceptRelation)[keyof typeof ConceptRelation];

/** A concept the source's concepts lead to, with the strongest way there. */
export interface ExpandedConcept {
  weight: number;
  relation: ConceptRelation;
  /** The source's own concept it was reached from. */
  from: string;
  /** For a bridge: the problem side and the method side, in that order (whichever side the source is). */
  problem?: string;
}

/**
 * The concepts a source listing leads to: its own; what addresses its problems (the problem → method
 * bridge, also through the problem's broader problems) and the problems its methods address (the same
 * bridge read backwards, for matching needs to a result); narrower, broader and related concepts.
 * Each reached concept keeps the strongest way there (`CONCEPTS.relationWeight` × the bridge's
 * learned weight).
 */
export function expandConcepts(graph: KnowledgeGraph, sourceConcepts: readonly string[]): Map<string, ExpandedConcept> {
  const expanded = new Map<string, ExpandedConcept>();
  const weights = CONCEPTS.relationWeight;
  const put = (concept: string, candidate: ExpandedConcept) => {
    const known = expanded.get(concept);
    if (!known || known.weight < candidate.weight) expanded.set(concept, candidate);
  };
  for (const from of sourceConcepts) {
    if (!graph.has(from)) continue;
    put(from, { weight: weights.SAME, relation: 'SAME', from });
    for (const { link, depth } of bridgesFrom(graph, from)) {
      const weight = weights.BRIDGE * link.weight * (depth === 0 ? 1 : CONCEPTS.ancestorBridgeDiscount);
      put(link.target, { weight, relation: 'BRIDGE', from, problem: from });
      for (const narrower of graph.narrower(link.target)) put(narrower, { weight: weight * weights.NARROWER, relation: 'BRIDGE', from, problem: from });
    }
    for (const { problem, weight } of graph.addresses(from)) put(problem, { weight: weights.BRIDGE * weight, relation: 'BRIDGE', from, problem });
    for (const narrower of graph.narrower(from)) put(narrower, { weight: weights.NARROWER, relation: 'NARROWER', from });
    for (const broader of graph.broader(from)) put(broader, { weight: weights.BROADER, relation: 'BROADER', from });
    for (const related of graph.related(from)) put(related, { weight: weights.RELATED, relation: 'RELATED', from });
  }
  return expanded;
}

/**
 * The problem → method links matching follows from a concept: its own and those of its nearest broader
 * problems (`CONCEPTS.bridgeAncestors`), each with the problem it leaves from and how far up that problem
 * sits (0: the concept itself). Learning from outcomes credits the same links.
 */
export function bridgesFrom(graph: KnowledgeGraph, from: string): { problem: string; link: BridgeLink; depth: number }[] {
  return [from, ...graph.ancestors(from).slice(0, CONCEPTS.bridgeAncestors)].flatMap((problem, depth) =>
    graph.addressedBy(problem).map((link) => ({ problem, link, depth })),
  );
}

/** Inverse document frequency of a concept among `documents` listings, as text relevance counts words. */
export function conceptIdf(df: number, documents: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

export interface ConceptMatch {
  value: number;
  /** The strongest link, for the reason shown: the source's concept and the candidate's. */
  best: { concept: string; via: ExpandedConcept } | null;
}

/**
 * How much of the source's concepts a candidate answers: Σ over the candidate's concepts the source
 * leads to of weight × IDF × credit (`creditOf`: how much of it text relevance does not count already), as a share of the source's own concept mass (Σ IDF of its concepts), capped
 * at 1 — so a candidate naming the source's specific concepts (or what addresses them) counts more than
 * one naming many generic ones. (On bridge-dev, better on both halves than a saturating got / (got + mean
 * IDF): graded nDCG@10 0.485 / 0.541 against 0.468 / 0.536.)
 */
export function conceptMatch(
  expansion: ReadonlyMap<string, ExpandedConcept>,
  candidateConcepts: readonly string[],
  idfOf: (concept: string) => number,
  sourceMass: number,
  creditOf: (concept: string, via: ExpandedConcept) => number = () => 1,
): ConceptMatch {
  let got = 0;
  let best: ConceptMatch['best'] = null;
  let bestGain = 0;
  for (const concept of candidateConcepts) {
    const via = expansion.get(concept);
    if (!via) continue;
    const gain = via.weight * idfOf(concept) * creditOf(concept, via);
    got += gain;
    if (gain > bestGain) {
      bestGain = gain;
      best = { concept, via };
    }
  }
  return { value: sourceMass > 0 ? Math.min(1, got / sourceMass) : 0, best };
}

/** The reason shown for a concept match, true of the pair: both concepts are named in their listings. */
export function conceptReason(graph: KnowledgeGraph, best: NonNullable<ConceptMatch['best']>): string {
  const { concept, via } = best;
  const label = (id: string) => graph.label(id);
  switch (via.relation) {
    case 'SAME':
      return `技术概念相同: ${label(concept)}`;
    case 'BRIDGE':
      return via.problem === via.from
        ? `问题—方法关联: ${label(via.from)} → ${label(concept)}`
        : `问题—方法关联: ${label(concept)} → ${label(via.from)}`;
    case 'NARROWER':
      return `上下位概念: ${label(via.from)} ⊃ ${label(concept)}`;
    case 'BROADER':
      return `上下位概念: ${label(concept)} ⊃ ${label(via.from)}`;
    case 'RELATED':
      return `相关概念: ${label(via.from)} ↔ ${label(concept)}`;
  }
}
