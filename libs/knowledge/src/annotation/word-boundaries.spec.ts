import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { WordBoundaries } from './word-boundaries';

const jieba = Jieba.withDict(dict);
const segment = (text: string) => jieba.cut(text, true);

/** Every offset where segmenting the whole text puts a boundary. */
function wholeTextBoundaries(text: string): Set<number> {
  const boundaries = new Set([0]);
  let offset = 0;
  for (const token of segment(text)) boundaries.add((offset += token.length));
  return boundaries;
}

describe('WordBoundaries', () => {
  it.each([
    '经编机断纱后不能及时停车，布面出现长道子；挡车工一人看十台机器。',
    '基于机器视觉的经编坯布疵点在线检测（YOLOv5s, 0.5 mm）与自动停机：准确率98.6%',
    'PERC电池的光致衰减LID与PID问题 — 采用ALD Al2O3钝化 “双面”组件',
  ])('agrees with segmenting the whole text at every offset: %s', (text) => {
    const whole = wholeTextBoundaries(text);
    const lazy = new WordBoundaries(text, segment);
    for (let offset = 0; offset <= text.length; offset++) expect([offset, lazy.has(offset)]).toEqual([offset, whole.has(offset)]);
  });

  it('segments only the clauses it is asked about', () => {
    const asked: string[] = [];
    const lazy = new WordBoundaries('经编机断纱，布面横条，客户退货', (text) => (asked.push(text), segment(text)));
    lazy.has(7);
    expect(asked).toEqual(['布面横条']);
  });

  it('puts no constraint on a clause the segmenter changed', () => {
    const lazy = new WordBoundaries('挡车工，车工', (text) => [text.toUpperCase() + 'x']);
    expect(lazy.has(1)).toBe(true);
  });
});
