import { seedGraph } from '../graph/seed';
import { ConceptAnnotator } from './annotator';

describe('ConceptAnnotator on the seed graph', () => {
  const annotator = new ConceptAnnotator(seedGraph());
  const graph = seedGraph();

  it('finds concepts by shop-floor words and by researchers\' terms', () => {
    const shopFloor = annotator.annotate('我们经编车间老是断纱，布面还有横条，客户退货');
    const research = annotator.annotate('基于机器视觉的经编坯布疵点在线检测');
    expect(shopFloor.length).toBeGreaterThan(0);
    expect(research.length).toBeGreaterThan(0);
    for (const annotation of [...shopFloor, ...research]) expect(graph.has(annotation.concept)).toBe(true);
  });

  it('matches English labels as whole words, case-insensitively', () => {
    const concepts = annotator.annotate('Online fabric defect detection with MACHINE VISION and deep learning').map((a) => a.concept);
    expect(concepts).toContain('machine-vision');
    expect(concepts).toContain('deep-learning');
    expect(annotator.annotate('supercalifragilisticexpialidocious percentages')).toEqual([]);
  });

  it('prefers the longest label at a place', () => {
    const [first] = annotator.mentions('机器视觉检测');
    expect(first?.start).toBe(0);
    expect((first?.end ?? 0) - (first?.start ?? 0)).toBeGreaterThanOrEqual(4);
  });
});
