import { COOPERATION_MODE_NAMES, CooperationMode, industryByCode, industryName, IP_TYPE_NAMES, IpType, regionByCode, regionName } from '@ttm/taxonomy';
import { listingKnowledge } from '../concepts/listing-concepts';
import { SearchFacet } from './search.model';

const KIND_NAMES: Record<string, string> = { NEED: '技术需求', RESULT: '科技成果', EXPERT: '专家', CHALLENGE: '揭榜挂帅' };
/** The Chinese label and taxonomy parent of a facet value, for display. */
export function facetLabel(facet: SearchFacet, value: string): { label: string; parent: string | null } {
  switch (facet) {
    case SearchFacet.KIND:
      return { label: KIND_NAMES[value] ?? value, parent: null };
    case SearchFacet.INDUSTRY:
      return { label: industryName(value), parent: industryByCode(value)?.parent ?? null };
    case SearchFacet.REGION:
      return { label: regionName(value), parent: regionByCode(value)?.parent ?? null };
    case SearchFacet.COOPERATION_MODE:
      return { label: COOPERATION_MODE_NAMES[value as CooperationMode] ?? value, parent: null };
    case SearchFacet.IP_TYPE:
      return { label: IP_TYPE_NAMES[value as IpType] ?? value, parent: null };
    case SearchFacet.TRL:
      return { label: `TRL ${value}`, parent: null };
    case SearchFacet.OPEN_LICENSE:
      return { label: value === 'true' ? '开放许可' : '非开放许可', parent: null };
    case SearchFacet.CONCEPT:
      return { label: listingKnowledge().graph.label(value), parent: null };
  }
}
