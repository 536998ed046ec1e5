import { labelKey, parseSkos, readSeed, validateGraph, writeSkos } from '../index';
import { KnowledgeGraph } from './knowledge-graph';

describe('the seed knowledge graph', () => {
  const seed = readSeed();

  it('is broad: at least 3,000 concepts, 10,000 labels, English on at least 80 %', () => {
    const labels = seed.concepts.reduce((sum, concept) => sum + concept.labels.length, 0);
    const english = seed.concepts.filter((concept) => concept.labels.some((label) => label.type === 'PREF' && label.language === 'en'));
    expect(seed.concepts.length).toBeGreaterThanOrEqual(3000);
    expect(labels).toBeGreaterThanOrEqual(10_000);
    expect(english.length / seed.concepts.length).toBeGreaterThanOrEqual(0.8);
  });

  it('passes validation: no broader cycle, no dangling link, no label on two concepts without a note', () => {
    expect(validateGraph(seed.concepts)).toEqual([]);
  });

  it('bridges problems to what addresses them, in both directions', () => {
    const graph = new KnowledgeGraph(seed.concepts);
    const problems = seed.concepts.filter((concept) => concept.kind === 'PROBLEM');
    expect(problems.length).toBeGreaterThan(500);
    expect(problems.every((problem) => problem.addressedBy.length > 0)).toBe(true);
    const [first] = problems;
    const method = first?.addressedBy[0]?.target ?? '';
    expect(graph.addresses(method).map((link) => link.problem)).toContain(first?.id);
  });

  it('round-trips through SKOS Turtle', async () => {
    const sample = seed.concepts.slice(0, 200);
    const ids = new Set(sample.map((concept) => concept.id));
    // Keep the sample closed under its links so it stands alone.
    const closed = sample.map((concept) => ({
      ...concept,
      broader: concept.broader.filter((id) => ids.has(id)),
      related: concept.related.filter((id) => ids.has(id)),
      addressedBy: concept.addressedBy.filter((link) => ids.has(link.target)),
    }));
    const again = parseSkos(await writeSkos(closed));
    const byId = (list: typeof closed) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(again)).toEqual(byId(closed));
  });

  it('round-trips bridge weights and the search-synonyms flag through SKOS Turtle', async () => {
    const problem = seed.concepts.find((concept) => concept.kind === 'PROBLEM' && concept.addressedBy.length >= 2);
    if (!problem) throw new Error('no problem with two bridges');
    const targets = problem.addressedBy.map((link) => seed.concepts.find((concept) => concept.id === link.target)).filter((concept) => concept !== undefined);
    const weighted = { ...problem, broader: [], related: [], addressedBy: problem.addressedBy.map((link, index) => ({ ...link, weight: index === 0 ? 1.75 : 1 })), searchSynonyms: true };
    const closed = [weighted, ...targets.map((concept) => ({ ...concept, broader: [], related: [], addressedBy: [] }))];
    const turtle = await writeSkos(closed);
    expect(turtle).toContain('kgo:weight 1.75');
    const again = parseSkos(turtle).find((concept) => concept.id === problem.id);
    expect(again?.addressedBy).toEqual(weighted.addressedBy);
    expect(again?.searchSynonyms).toBe(true);
  });

  it('finds a broader cycle and a shared label', () => {
    const [a, b] = seed.concepts.filter((concept) => concept.notes.length === 0).slice(0, 2);
    if (!a || !b) throw new Error('seed too small');
    const cyclic = [
      { ...a, broader: [b.id] },
      { ...b, broader: [a.id], labels: [...b.labels, { type: 'ALT' as const, language: a.labels[0]?.language ?? 'zh', value: ` ${a.labels[0]?.value.toUpperCase()} ` }] },
    ].map((concept) => ({ ...concept, related: [], addressedBy: [] }));
    const messages = validateGraph(cyclic).map((problem) => problem.message);
    expect(messages.some((message) => message.startsWith('broader cycle'))).toBe(true);
    expect(messages.some((message) => message.includes(`"${labelKey(a.labels[0]?.value ?? '')}"`))).toBe(true);
  });
});
