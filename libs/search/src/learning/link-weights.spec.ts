import { ConceptKind, ConceptRecord, KnowledgeGraph } from '@ttm/knowledge';
import { expandConcepts } from '../matching/concept-evidence';
import { boundedWeight, LINK_LEARNING, linkId, linksBehindMatch, outcomeDelta, parseLinkId, withLearnedWeights } from './link-weights';

function concept(id: string, kind: ConceptKind, more: Partial<ConceptRecord> = {}): ConceptRecord {
  return { id, kind, industries: [], labels: [{ type: 'PREF', language: 'zh', value: `${id}名` }], broader: [], related: [], addressedBy: [], notes: [], ...more };
}

/** 织物疵点 ⊃ 横条 → {视觉检测 ⊃ 深度学习检测, 张力控制}; 织物疵点 → 人工验布. */
const graph = new KnowledgeGraph([
  concept('fabric-defect', 'PROBLEM', { addressedBy: [{ target: 'manual-inspection', weight: 1 }] }),
  concept('barre', 'PROBLEM', { broader: ['fabric-defect'], addressedBy: [{ target: 'vision', weight: 1 }, { target: 'tension-control', weight: 1 }] }),
  concept('vision', 'METHOD'),
  concept('deep-vision', 'METHOD', { broader: ['vision'] }),
  concept('tension-control', 'METHOD'),
  concept('manual-inspection', 'METHOD'),
]);

describe('the learning rule for link weights', () => {
  it('moves a link up for an accepted match, down for 技术不对口, and not at all for other decline reasons', () => {
    expect(outcomeDelta('ACCEPTED', null)).toBe(LINK_LEARNING.delta);
    expect(outcomeDelta('DECLINED', 'NOT_TECHNICAL_FIT')).toBe(-LINK_LEARNING.delta);
    for (const code of ['PRICE', 'TOO_EARLY_STAGE', 'ALREADY_SOLVED', 'OTHER'] as const) expect(outcomeDelta('DECLINED', code)).toBe(0);
  });

  it('keeps weights within the bounds, without drifting over many steps', () => {
    expect(boundedWeight(1.6)).toBe(LINK_LEARNING.maxWeight);
    expect(boundedWeight(0.2)).toBe(LINK_LEARNING.minWeight);
    let weight = 1;
    for (let step = 0; step < 8; step++) weight = boundedWeight(weight + LINK_LEARNING.delta);
    expect(weight).toBe(1.4);
    for (let step = 0; step < 30; step++) weight = boundedWeight(weight + LINK_LEARNING.delta);
    expect(weight).toBe(1.5);
  });

  it('finds the links from the need’s problems (and their broader problems) to what the counterpart names, or a narrower concept of it', () => {
    expect(linksBehindMatch(graph, ['barre'], ['vision', 'unrelated'])).toEqual([{ problemId: 'barre', targetId: 'vision' }]);
    // A narrower method of the target counts (matching reaches it the same way).
    expect(linksBehindMatch(graph, ['barre'], ['deep-vision'])).toEqual([{ problemId: 'barre', targetId: 'vision' }]);
    // The broader problem's bridge is followed too, each link once.
    expect(linksBehindMatch(graph, ['barre', 'fabric-defect'], ['manual-inspection', 'tension-control', 'vision']).map(linkId)).toEqual([
      'barre→tension-control',
      'barre→vision',
      'fabric-defect→manual-inspection',
    ]);
    // Nothing connects them: no link; concepts the graph does not know are skipped.
    expect(linksBehindMatch(graph, ['vision', 'gone'], ['barre'])).toEqual([]);
  });

  it('puts learned weights on the graph’s links, leaving the rest and the given graph as they were', () => {
    const learned = withLearnedWeights(graph, new Map([['barre→vision', 1.2]]));
    expect(learned.addressedBy('barre')).toEqual([{ target: 'vision', weight: 1.2 }, { target: 'tension-control', weight: 1 }]);
    expect(learned.addresses('vision')).toEqual([{ problem: 'barre', weight: 1.2 }]);
    expect(graph.addressedBy('barre')[0].weight).toBe(1);
    expect(learned.concept('fabric-defect')).toBe(graph.concept('fabric-defect'));
    expect(withLearnedWeights(graph, new Map())).toBe(graph);
  });

  it('lifts the bridge in matching’s concept expansion by the learned weight', () => {
    const before = expandConcepts(graph, ['barre']).get('vision')?.weight ?? 0;
    const after = expandConcepts(withLearnedWeights(graph, new Map([['barre→vision', 1.5]])), ['barre']).get('vision')?.weight ?? 0;
    expect(after).toBeCloseTo(before * 1.5);
  });

  it('reads link ids back', () => {
    expect(parseLinkId('barre→vision')).toEqual({ problemId: 'barre', targetId: 'vision' });
    expect(parseLinkId('barre')).toBeNull();
    expect(parseLinkId('a→b→c')).toBeNull();
  });
});
