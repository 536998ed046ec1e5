import { DEFAULT_SYNONYM_GROUPS, synonymsOf } from './synonyms';

describe('synonyms', () => {
  it('has 60–120 groups of at least two trimmed, distinct terms', () => {
    expect(DEFAULT_SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(60);
    expect(DEFAULT_SYNONYM_GROUPS.length).toBeLessThanOrEqual(120);
    for (const group of DEFAULT_SYNONYM_GROUPS) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const term of group) expect(term).toBe(term.trim());
    }
  });

  it('puts no term in two groups (case-insensitively), so groups never merge by accident', () => {
    const seen = new Map<string, number>();
    DEFAULT_SYNONYM_GROUPS.forEach((group, index) => {
      for (const term of group) {
        const key = term.toLowerCase();
        expect({ term, other: seen.get(key) }).toEqual({ term, other: undefined });
        seen.set(key, index);
      }
    });
  });

  it('contains the groups the demo relies on', () => {
    expect(synonymsOf('光伏电池')).toEqual(expect.arrayContaining(['太阳能电池', '太阳电池']));
    expect(synonymsOf('锂电')).toEqual(expect.arrayContaining(['锂离子电池', '锂电池']));
    expect(synonymsOf('芯片')).toEqual(expect.arrayContaining(['集成电路', 'IC']));
    expect(synonymsOf('经编')).toEqual(['经编针织']);
    expect(synonymsOf('CFRP')).toEqual(expect.arrayContaining(['碳纤维增强复合材料']));
  });

  it('leaves out one-way relations', () => {
    expect(synonymsOf('钙钛矿')).toEqual([]);
    expect(synonymsOf('碳纤维')).toEqual([]);
    expect(synonymsOf('半导体')).toEqual([]);
  });

  it('looks terms up case-insensitively and accepts custom groups', () => {
    expect(synonymsOf('ai')).toEqual(['人工智能']);
    expect(synonymsOf(' 人工智能 ')).toEqual(['AI']);
    expect(synonymsOf('nothing-like-this')).toEqual([]);
    expect(synonymsOf('甲', [['甲', '乙', '丙']])).toEqual(['乙', '丙']);
  });
});
