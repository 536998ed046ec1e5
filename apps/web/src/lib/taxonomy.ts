import { INDUSTRIES } from '@ttm/taxonomy/industries';
import { REGIONS } from '@ttm/taxonomy/regions';

export interface TreeOption {
  value: string;
  label: string;
  children?: TreeOption[];
}

function tree<T extends { code: string; name: string; parent: string | null }>(items: readonly T[]): TreeOption[] {
  const byParent = new Map<string | null, T[]>();
  for (const item of items) byParent.set(item.parent, [...(byParent.get(item.parent) ?? []), item]);
  const build = (parent: string | null): TreeOption[] =>
    (byParent.get(parent) ?? []).map((item) => {
      const children = build(item.code);
      return { value: item.code, label: item.name, ...(children.length ? { children } : {}) };
    });
  return build(null);
}

/** The industry taxonomy (shared with the services) as a tree for TreeSelect. */
export const INDUSTRY_TREE = tree(INDUSTRIES);
/** GB/T 2260 divisions as province → city → county, for Cascader. */
export const REGION_TREE = tree(REGIONS);

export const industryName = (code: string): string => INDUSTRIES.find((industry) => industry.code === code)?.name ?? code;
export const regionName = (code: string): string => REGIONS.find((region) => region.code === code)?.name ?? code;

/** The Cascader path (province, city, county) of a region code. */
export function regionPath(code: string): string[] {
  const path: string[] = [];
  let current = REGIONS.find((region) => region.code === code);
  while (current) {
    path.unshift(current.code);
    const parent: string | null = current.parent;
    current = parent ? REGIONS.find((region) => region.code === parent) : undefined;
  }
  return path;
}
