/** GB/T 2260 administrative division codes the marketplace knows by name. */
export interface Region {
  code: string;
  name: string;
  /** Parent division code (province for a city, city for a county); none for a province. */
  parent: string | null;
}

export const REGIONS: readonly Region[] = [
  { code: '330000', name: '浙江省', parent: null },
  { code: '330400', name: '嘉兴市', parent: '330000' },
  { code: '330481', name: '海宁市', parent: '330400' },
];

const BY_CODE = new Map(REGIONS.map((region) => [region.code, region]));

export const isRegionCode = (code: string): boolean => BY_CODE.has(code);
export const regionByCode = (code: string): Region | undefined => BY_CODE.get(code);
export const regionName = (code: string): string => BY_CODE.get(code)?.name ?? code;
