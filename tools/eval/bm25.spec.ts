import { Bm25Index, JiebaTokenizer } from './bm25';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('Bm25Index', () => {
  // N = 3, lengths 2, 4, 2, average 8/3.
  const index = new Bm25Index(words);
  index.add('d1', 'apple banana');
  index.add('d2', 'apple apple apple cherry');
  index.add('d3', 'cherry date');

  it('scores by Okapi BM25 with k1 1.2, b 0.75 and Lucene idf', () => {
    // apple: df 2, idf ln(1 + 1.5/2.5) = ln 1.6.
    // d1: tf 1, norm 1 + 1.2·(0.25 + 0.75·2/(8/3)) = 1.975 → 2.2/1.975
    // d2: tf 3, norm 3 + 1.2·(0.25 + 0.75·4/(8/3)) = 4.65 → 6.6/4.65
    const hits = index.search('apple', 10);
    expect(hits.map((hit) => hit.id)).toEqual(['d2', 'd1']);
    expect(hits[0].score).toBeCloseTo(Math.log(1.6) * (6.6 / 4.65), 10);
    expect(hits[1].score).toBeCloseTo(Math.log(1.6) * (2.2 / 1.975), 10);
  });

  it('ranks a rare term above a frequent one and leaves out documents sharing no token', () => {
    // date: df 1, idf ln(1 + 2.5/1.5) = 0.981 beats apple's 0.470 even against d2's three apples.
    expect(index.search('apple date', 10).map((hit) => hit.id)).toEqual(['d3', 'd2', 'd1']);
    expect(index.search('banana', 10).map((hit) => hit.id)).toEqual(['d1']);
    expect(index.search('durian', 10)).toEqual([]);
  });

  it('counts a token repeated in the query each time and cuts at the limit', () => {
    const once = index.search('cherry', 10);
    const twice = index.search('cherry cherry', 10);
    expect(twice.map((hit) => hit.score)).toEqual(once.map((hit) => hit.score * 2));
    expect(index.search('apple date', 1).map((hit) => hit.id)).toEqual(['d3']);
  });

  it('breaks ties by the order documents were added', () => {
    const tied = new Bm25Index(words);
    tied.add('second', 'pear');
    tied.add('first', 'pear');
    expect(tied.search('pear', 10).map((hit) => hit.id)).toEqual(['second', 'first']);
  });
});

describe('JiebaTokenizer', () => {
  it('cuts Chinese for search, lower-cases Latin and drops punctuation', () => {
    // jieba's own dictionary (no domain terms): 太阳能电池 is cut as 太阳能 + 电池, with 太阳 inside 太阳能.
    expect(new JiebaTokenizer().tokens('太阳能电池，ＰＥＲＣ 工艺！')).toEqual(['太阳', '太阳能', '电池', 'perc', '工艺']);
  });
});
