import { COOPERATION_MODE_NAMES, CooperationMode, industryByCode, industryName, regionByCode, regionName } from '@ttm/taxonomy';
import { SearchFacet } from './search.model';

const KIND_NAMES: Record<string, string> = { NEED: '技术需求', RESULT: '科技成果', EXPERT: '专家', CHALLENGE: '揭榜挂帅' };
const IP_TYPE_NAMES: Record<string, string> = {
  INVENTION_PATENT: '发明专利',
  UTILITY_MODEL: '实用新型',
  DESIGN_PATENT: '外观设计',
  SOFTWARE_COPYRIGHT: '软件著作权',
  KNOW_HOW: '技术秘密',
  OTHER: '其他',
};

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
      return { label: IP_TYPE_NAMES[value] ?? value, parent: null };
    case SearchFacet.TRL:
      return { label: `TRL ${value}`, parent: null };
    case SearchFacet.OPEN_LICENSE:
      return { label: value === 'true' ? '开放许可' : '非开放许可', parent: null };
  }
}
