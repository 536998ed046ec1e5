/**
 * The industry taxonomy: the city's industries (fashion textiles and the newer ones), with the
 * GB/T 4754-2017 class they fall under where one fits. Codes are stable identifiers stored in
 * listings and search facets; names are what people read.
 */
export interface Industry {
  code: string;
  name: string;
  /** Parent industry code; top-level industries have none. */
  parent: string | null;
  /** GB/T 4754-2017 code(s) this industry corresponds to, where one fits. */
  gbt4754: string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { code: 'TEXTILE', name: '时尚纺织', parent: null, gbt4754: ['17', '18', '19'] },
  { code: 'NEW_ENERGY', name: '光伏新能源', parent: null, gbt4754: ['3825', '4416'] },
];

const BY_CODE = new Map(INDUSTRIES.map((industry) => [industry.code, industry]));

export const isIndustryCode = (code: string): boolean => BY_CODE.has(code);
export const industryByCode = (code: string): Industry | undefined => BY_CODE.get(code);
export const industryName = (code: string): string => BY_CODE.get(code)?.name ?? code;
