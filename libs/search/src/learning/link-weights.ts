import { KnowledgeGraph } from '@ttm/knowledge';
import type { MatchDeclineCode, MatchOutcome } from '@ttm/events';
import { bridgesFrom } from '../matching/concept-evidence';

/**
 * Learning from brokers' outcomes: every number of the rule, in one place. A match both sides accept
 * strengthens the problem → method links that brought its two listings together; a match declined as
 * 「技术不对口」 weakens them. Other decline reasons (price, stage, already solved…) say nothing about the
 * technology and change nothing. The weight multiplies the bridge's relation weight in matching
 * (`expandConcepts`), so the bounds keep any link between half and one and a half times its strength.
 */
export const LINK_LEARNING = {
  /** How much one outcome moves a link's weight. */
  delta: 0.05,
  minWeight: 0.5,
  maxWeight: 1.5,
  /** The weight every link starts at, and a reset returns it to. */
  initialWeight: 1,
} as const;

export type LearningOutcome = MatchOutcome['outcome'];

/** The change one outcome asks of each link behind the match: +δ, −δ or nothing. */
export function outcomeDelta(outcome: LearningOutcome, declineCode: MatchDeclineCode | null): number {
  if (outcome === 'ACCEPTED') return LINK_LEARNING.delta;
  return declineCode === 'NOT_TECHNICAL_FIT' ? -LINK_LEARNING.delta : 0;
}

/** A weight kept within the bounds, rounded to 4 decimals so repeated steps of δ do not drift. */
export function boundedWeight(weight: number): number {
  const bounded = Math.min(LINK_LEARNING.maxWeight, Math.max(LINK_LEARNING.minWeight, weight));
  return Math.round(bounded * 10_000) / 10_000;
}

/** A bridge link problem → target (concept ids). */
export interface LinkRef {
  problemId: string;
  targetId: string;
}

/** The link's id in the API and in the learned weights map: `problem→target`. */
export const LINK_ID_SEPARATOR = '→';
export const linkId = (link: LinkRef): string => `${link.problemId}${LINK_ID_SEPARATOR}${link.targetId}`;

export function parseLinkId(id: string): LinkRef | null {
  const parts = id.split(LINK_ID_SEPARATOR);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { problemId: parts[0], targetId: parts[1] };
}

/**
 * The bridge links that connect a need to its counterpart, as matching follows them (`expandConcepts`):
 * from each concept the need names, and from its nearest broader problems, every link problem → target
 * where the counterpart names the target or a narrower concept of it. Each link once, in a stable order.
 */
export function linksBehindMatch(graph: KnowledgeGraph, needConcepts: readonly string[], counterpartConcepts: readonly string[]): LinkRef[] {
  const named = new Set(counterpartConcepts);
  const found = new Map<string, LinkRef>();
  for (const from of needConcepts) {
    if (!graph.has(from)) continue;
    for (const { problem, link } of bridgesFrom(graph, from)) {
      const reached = named.has(link.target) || graph.narrower(link.target).some((narrower) => named.has(narrower));
      if (!reached) continue;
      const ref = { problemId: problem, targetId: link.target };
      found.set(linkId(ref), ref);
    }
  }
  return [...found.values()].sort((a, b) => (linkId(a) < linkId(b) ? -1 : 1));
}

/**
 * The graph with learned weights on its bridge links (by `linkId`); links without a learned weight keep
 * theirs. Concepts, labels and hierarchy are the same objects, so annotation is unchanged.
 */
export function withLearnedWeights(graph: KnowledgeGraph, weights: ReadonlyMap<string, number>): KnowledgeGraph {
  if (weights.size === 0) return graph;
  const concepts = graph.concepts.map((concept) => {
    if (!concept.addressedBy.some((link) => weights.has(linkId({ problemId: concept.id, targetId: link.target })))) return concept;
    return {
      ...concept,
      addressedBy: concept.addressedBy.map((link) => ({ ...link, weight: weights.get(linkId({ problemId: concept.id, targetId: link.target })) ?? link.weight })),
    };
  });
  return new KnowledgeGraph(concepts);
}
