import { industriesNamed, rankIndustries, suggestKeywords } from './listing-tags';

describe('listing tag suggestions', () => {
  const text = '高效光伏组件封装：我司生产光伏组件，希望降低钙钛矿叠层电池组件在湿热环境下的功率衰减，要求1000小时湿热测试后衰减不超过5%。';

  it('suggests the telling words of the text, not generic ones or numbers', () => {
    const keywords = suggestKeywords(text);
    expect(keywords.length).toBeGreaterThan(0);
    expect(keywords.length).toBeLessThanOrEqual(6);
    expect(keywords).toEqual(expect.arrayContaining(['光伏组件', '钙钛矿', '叠层电池']));
    for (const generic of ['希望', '要求', '我司', '生产']) expect(keywords).not.toContain(generic);
    expect(keywords.some((keyword) => /^[\d.%]+$/.test(keyword))).toBe(false);
  });

  it('ranks an industry named in the text first, with facet evidence behind it', () => {
    const named = industriesNamed(text);
    expect([...named.keys()].length).toBeGreaterThan(0);
    const ranked = rankIndustries(named, new Map([['TEXTILE', 1]]));
    expect(ranked[0].industry.name).toBe('光伏');
    expect(ranked.reduce((sum, entry) => sum + entry.confidence, 0)).toBeCloseTo(1);
  });

  it('falls back on where listings about the words sit when no industry is named', () => {
    const ranked = rankIndustries(new Map(), new Map([['TEXTILE_WARP_KNITTING', 5], ['TEXTILE', 5], ['UNKNOWN', 9]]));
    expect(ranked.map((entry) => entry.industry.code)).toEqual(['TEXTILE_WARP_KNITTING', 'TEXTILE']);
  });
});
