import type { SavedSearchFieldsFragment } from '../../gql/graphql';
import { budgetRange, COOPERATION_MODE_LABELS, IP_TYPE_LABELS, KIND_LABELS } from '../../lib/labels';
import { industryName, regionName } from '../../lib/taxonomy';

type Criteria = Pick<SavedSearchFieldsFragment, 'query' | 'kinds' | 'filters'>;

const names = (values: readonly string[] | null, name: (value: string) => string): string | undefined => (values?.length ? values.map(name).join('、') : undefined);

function trlText(min: number | null, max: number | null): string | undefined {
  if (min == null && max == null) return undefined;
  if (min != null && max != null) return min === max ? `${min} 级` : `${min}–${max} 级`;
  return min != null ? `${min} 级及以上` : `${max} 级及以下`;
}

/** A saved search's query and filters in Chinese, one "名称：值" item each; the kinds say 全部 when empty. */
export function criteriaText({ query, kinds, filters }: Criteria): { label: string; value: string }[] {
  const items: [string, string | undefined][] = [
    ['关键词', query ?? undefined],
    ['类别', kinds.length ? kinds.map((kind) => KIND_LABELS[kind]).join('、') : '全部'],
    ['行业', names(filters.industries, industryName)],
    // Concept names live in the knowledge graph on the server; the saved search keeps their ids.
    ['技术领域', filters.concepts?.length ? `${filters.concepts.length} 个` : undefined],
    ['地区', names(filters.regions, regionName)],
    ['合作方式', names(filters.cooperationModes, (mode) => COOPERATION_MODE_LABELS[mode] ?? mode)],
    ['知识产权', names(filters.ipTypes, (type) => IP_TYPE_LABELS[type] ?? type)],
    ['技术成熟度', trlText(filters.trlMin, filters.trlMax)],
    ['开放许可', filters.openLicense == null ? undefined : filters.openLicense ? '是' : '否'],
    ['价格', filters.priceMin == null && filters.priceMax == null ? undefined : budgetRange(filters.priceMin, filters.priceMax)],
  ];
  return items.filter((item): item is [string, string] => !!item[1]).map(([label, value]) => ({ label, value }));
}
