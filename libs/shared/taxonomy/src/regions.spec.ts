import { REGIONS, cityOf, isRegionCode, regionByCode, regionFullName, regionName, regionPath, sameCity } from './regions';

describe('regions', () => {
  it('has unique six-digit codes whose parents exist and sit one level up', () => {
    const codes = REGIONS.map((region) => region.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const region of REGIONS) {
      expect(region.code).toMatch(/^\d{6}$/);
      if (region.level === 'PROVINCE') {
        expect(region.parent).toBeNull();
        expect(region.code.endsWith('0000')).toBe(true);
        continue;
      }
      const parent = regionByCode(region.parent ?? '');
      expect(parent).toBeDefined();
      expect(region.code.slice(0, 2)).toBe(parent?.code.slice(0, 2));
      if (region.level === 'CITY') {
        expect(parent?.level).toBe('PROVINCE');
        expect(region.code.endsWith('00')).toBe(true);
      } else {
        expect(['CITY', 'PROVINCE']).toContain(parent?.level);
        expect(region.code.endsWith('00')).toBe(false);
      }
    }
  });

  it('knows every prefecture-level city of 浙江省 and all of 嘉兴市', () => {
    const zhejiangCities = REGIONS.filter((region) => region.parent === '330000').map((region) => region.name);
    expect(zhejiangCities).toHaveLength(11);
    expect(zhejiangCities).toEqual(expect.arrayContaining(['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '丽水市']));
    const jiaxing = REGIONS.filter((region) => region.parent === '330400').map((region) => `${region.code} ${region.name}`);
    expect(jiaxing).toEqual([
      '330402 南湖区',
      '330411 秀洲区',
      '330421 嘉善县',
      '330424 海盐县',
      '330481 海宁市',
      '330482 平湖市',
      '330483 桐乡市',
    ]);
    // 90 county-level divisions in 浙江省 since 2021.
    expect(REGIONS.filter((region) => region.code.startsWith('33') && region.level === 'COUNTY')).toHaveLength(90);
  });

  it('knows all 34 provincial-level divisions', () => {
    expect(REGIONS.filter((region) => region.level === 'PROVINCE')).toHaveLength(34);
    expect(regionName('320100')).toBe('南京市');
  });

  it('answers lookups', () => {
    expect(isRegionCode('330481')).toBe(true);
    expect(isRegionCode('330103')).toBe(false); // 下城区, merged away in 2021
    expect(regionName('330481')).toBe('海宁市');
    expect(regionName('999999')).toBe('999999');
  });

  it('gives the path from the province down and the full name', () => {
    expect(regionPath('330481').map((region) => region.name)).toEqual(['浙江省', '嘉兴市', '海宁市']);
    expect(regionPath('310117').map((region) => region.name)).toEqual(['上海市', '松江区']);
    expect(regionPath('999999')).toEqual([]);
    expect(regionFullName('330481')).toBe('浙江省嘉兴市海宁市');
    expect(regionFullName('999999')).toBe('999999');
  });

  it('finds the prefecture-level city', () => {
    expect(cityOf('330481')?.name).toBe('嘉兴市');
    expect(cityOf('330400')?.name).toBe('嘉兴市');
    expect(cityOf('310117')?.name).toBe('上海市');
    expect(cityOf('330000')).toBeUndefined();
  });

  it('tells whether two divisions share a city', () => {
    expect(sameCity('330481', '330483')).toBe('嘉兴市');
    expect(sameCity('330481', '330400')).toBe('嘉兴市');
    expect(sameCity('330481', '330481')).toBe('嘉兴市');
    expect(sameCity('310117', '310105')).toBe('上海市');
    expect(sameCity('330481', '330106')).toBeNull();
    expect(sameCity('330000', '330000')).toBeNull();
    expect(sameCity('330481', '999999')).toBeNull();
  });
});
