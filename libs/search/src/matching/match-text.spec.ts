import { buildQueryTerms, docProfile, feedbackTerms, idf, QueryTerm, termParts, textRelevance } from './match-text';
import { RETRIEVAL, TEXT } from './match-weights';

const doc = (id: string, title: string, description: string, keywords: string[] = []) =>
  docProfile({ id, version: 1, updatedAt: '2026-01-01T00:00:00Z', title, description, keywords });

describe('buildQueryTerms', () => {
  it('takes keywords and title first, then key terms of the description', () => {
    const terms = buildQueryTerms({
      title: '经编机断纱在线检测',
      keywords: ['断纱检测', '经编机'],
      description: '公司有高速特里科经编机42台，断纱靠挡车工巡回发现，希望开发断纱在线检测系统，与现有控制系统联动自动停机。',
    });
    expect(terms.slice(0, 2).every((term) => term.origin === 'keyword')).toBe(true);
    expect(terms.map((term) => term.term)).toContain('经编机');
    expect(terms.some((term) => term.origin === 'description')).toBe(true);
    expect(new Set(terms.map((term) => term.term)).size).toBe(terms.length);
  });

  it('keeps title and keywords within the ten words an engine query may hold', () => {
    const title = '一种基于平方和优化的飞行器大角度机动镇定控制器设计方法及其在姿态控制系统中的应用研究';
    const terms = buildQueryTerms({ title, keywords: [], description: '' });
    expect(terms.length).toBeLessThanOrEqual(RETRIEVAL.maxTerms);
  });

  it('attaches synonyms as alternatives', () => {
    const [term] = buildQueryTerms({ title: '锂电池', keywords: [], description: '' }, [['锂离子电池', '锂电池', '锂电']]);
    expect(term.alternatives).toEqual(['锂离子电池', '锂电']);
  });
});

describe('textRelevance', () => {
  const terms: QueryTerm[] = [
    { term: '钙钛矿', origin: 'keyword', alternatives: [] },
    { term: '叠层电池', origin: 'keyword', alternatives: [] },
  ];
  const weights = [idf(3, 100), idf(5, 100)];

  it('ranks a document with every term above one with some, above one with none, within [0, 1]', () => {
    const all = textRelevance(terms, weights, doc('a', '钙钛矿叠层电池', '钙钛矿/晶硅叠层电池'), 20);
    const some = textRelevance(terms, weights, doc('b', '钙钛矿薄膜', '钙钛矿薄膜封装'), 20);
    const none = textRelevance(terms, weights, doc('c', '经编机', '断纱检测'), 20);
    expect(all).toBeLessThanOrEqual(1);
    expect(all).toBeGreaterThan(some);
    expect(some).toBeGreaterThan(none);
    expect(none).toBe(0);
  });

  it('gives partial credit to a word found only through its parts', () => {
    const partial = textRelevance([{ term: '热处理保鲜', origin: 'keyword', alternatives: [] }], [1], doc('d', '', '果蔬热处理可延长保鲜期'), 20);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(0.5);
  });
});

describe('termParts', () => {
  it('splits a word into dictionary sub-words, else bigrams', () => {
    expect(termParts('锂离子电池')).toEqual(expect.arrayContaining(['锂离子', '电池']));
    expect(termParts('介入性').length).toBeGreaterThan(0);
  });
});

describe('idf', () => {
  it('is higher for rarer terms and never negative', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(100, 1000));
    expect(idf(1000, 1000)).toBeGreaterThanOrEqual(0);
  });
});

describe('docProfile', () => {
  it('ranks the terms a document is about as central, and credits a query term that is one of them', () => {
    const about = doc('k1', '', '钙钛矿薄膜的缺陷钝化。钙钛矿电池效率提升，钙钛矿稳定性改善，方法简单。');
    const mentions = doc('k2', '', '本文研究锂电池正极材料，与钙钛矿无关的方法简单，循环寿命提升明显，容量保持率高。');
    expect(about.keyTerms.get('钙钛矿')).toBe(1);
    const term: QueryTerm[] = [{ term: '钙钛矿', origin: 'keyword', alternatives: [] }];
    expect(textRelevance(term, [1], about, 20)).toBeGreaterThan(textRelevance(term, [1], mentions, 20));
  });
});

describe('feedbackTerms', () => {
  const query: QueryTerm[] = [{ term: '钙钛矿', origin: 'keyword', alternatives: [] }];
  const top = [
    { profile: doc('f1', '', '钙钛矿太阳能电池的界面钝化与载流子传输层优化，叠层电池效率提升。'), relevance: 0.8 },
    { profile: doc('f2', '', '钙钛矿叠层电池的界面钝化工艺，载流子复合降低。'), relevance: 0.6 },
    { profile: doc('f3', '', '无关的经编机断纱检测。'), relevance: 0 },
  ];

  it('expands with words the best candidates share, weighted by their relevance, without the query words', () => {
    const expansion = feedbackTerms(query, top);
    const words = expansion.map((term) => term.term);
    expect(expansion.length).toBeGreaterThan(0);
    expect(expansion.length).toBeLessThanOrEqual(TEXT.feedbackTerms);
    expect(words).toContain('钝化');
    expect(words).not.toContain('钙钛矿');
    // Words only a candidate of relevance 0 has carry no weight, so they are not chosen first.
    expect(words[0]).not.toBe('断纱');
    expect(expansion.every((term) => term.origin === 'feedback')).toBe(true);
    expect(expansion.reduce((sum, term) => sum + (term.weight ?? 0), 0)).toBeCloseTo(1, 6);
  });

  it('expands nothing when no candidate is relevant', () => {
    expect(feedbackTerms(query, [{ profile: top[2].profile, relevance: 0 }])).toEqual([]);
  });
});
