import {
  INDUSTRIES,
  TOP_LEVEL_INDUSTRIES,
  childIndustries,
  industryByCode,
  industryName,
  industryPath,
  industryWithDescendants,
  isIndustryCode,
} from './industries';

describe('industries', () => {
  it('has unique, uppercase codes and a known parent for every sub-industry', () => {
    const codes = INDUSTRIES.map((industry) => industry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const industry of INDUSTRIES) {
      expect(industry.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(industry.name.length).toBeGreaterThan(0);
      if (industry.parent !== null) {
        expect(industryByCode(industry.parent)?.parent).toBeNull();
        expect(industry.code.startsWith(`${industry.parent}_`)).toBe(true);
      }
      for (const gb of industry.gbt4754) expect(gb).toMatch(/^\d{2,4}$/);
    }
  });

  it("covers the city's industries", () => {
    expect(TOP_LEVEL_INDUSTRIES.map((industry) => industry.code)).toEqual(
      expect.arrayContaining(['TEXTILE', 'SEMICONDUCTOR', 'EQUIPMENT', 'NEW_ENERGY', 'NEW_MATERIAL', 'LIFE_HEALTH', 'AEROSPACE']),
    );
    expect(childIndustries('TEXTILE').map((industry) => industry.code)).toEqual(
      expect.arrayContaining([
        'TEXTILE_LEATHER',
        'TEXTILE_WARP_KNITTING',
        'TEXTILE_HOME',
        'TEXTILE_APPAREL',
        'TEXTILE_HOSIERY',
      ]),
    );
  });

  it('keeps a sub-industry GB/T 4754 code inside its parent division where the parent has one', () => {
    expect(industryByCode('TEXTILE_WARP_KNITTING')?.gbt4754).toEqual(['1761']);
    for (const industry of INDUSTRIES.filter((candidate) => candidate.parent !== null)) {
      const parentCodes = industryByCode(industry.parent ?? '')?.gbt4754 ?? [];
      if (parentCodes.length === 0) continue;
      for (const gb of industry.gbt4754) {
        expect(parentCodes.some((prefix) => gb.startsWith(prefix) || prefix.startsWith(gb))).toBe(true);
      }
    }
  });

  it('answers lookups', () => {
    expect(isIndustryCode('TEXTILE_WARP_KNITTING')).toBe(true);
    expect(isIndustryCode('textile')).toBe(false);
    expect(industryName('NEW_ENERGY_PV')).toBe('光伏');
    expect(industryName('NOPE')).toBe('NOPE');
  });

  it('gives the path from the top-level industry down', () => {
    expect(industryPath('TEXTILE_WARP_KNITTING').map((industry) => industry.name)).toEqual(['时尚纺织', '经编']);
    expect(industryPath('TEXTILE').map((industry) => industry.code)).toEqual(['TEXTILE']);
    expect(industryPath('NOPE')).toEqual([]);
  });

  it('lists children and descendants', () => {
    expect(childIndustries('TEXTILE_LEATHER')).toEqual([]);
    expect(childIndustries('NOPE')).toEqual([]);
    expect(industryWithDescendants('NEW_ENERGY')).toEqual([
      'NEW_ENERGY',
      ...childIndustries('NEW_ENERGY').map((industry) => industry.code),
    ]);
    expect(industryWithDescendants('NEW_ENERGY_PV')).toEqual(['NEW_ENERGY_PV']);
    expect(industryWithDescendants('NOPE')).toEqual([]);
  });

  it('returns copies callers cannot use to corrupt the taxonomy', () => {
    childIndustries('TEXTILE').pop();
    expect(childIndustries('TEXTILE').length).toBeGreaterThanOrEqual(5);
  });
});
