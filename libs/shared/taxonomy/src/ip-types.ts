import { registerEnumType } from '@nestjs/graphql';

/** 知识产权类型: what protects a research result. */
export enum IpType {
  INVENTION_PATENT = 'INVENTION_PATENT',
  UTILITY_MODEL = 'UTILITY_MODEL',
  DESIGN_PATENT = 'DESIGN_PATENT',
  SOFTWARE_COPYRIGHT = 'SOFTWARE_COPYRIGHT',
  KNOW_HOW = 'KNOW_HOW',
  OTHER = 'OTHER',
}

export const IP_TYPE_NAMES: Record<IpType, string> = {
  INVENTION_PATENT: '发明专利',
  UTILITY_MODEL: '实用新型',
  DESIGN_PATENT: '外观设计',
  SOFTWARE_COPYRIGHT: '软件著作权',
  KNOW_HOW: '技术秘密',
  OTHER: '其他',
};

registerEnumType(IpType, {
  name: 'IpType',
  description: '知识产权类型',
  valuesMap: Object.fromEntries(Object.entries(IP_TYPE_NAMES).map(([type, name]) => [type, { description: name }])) as Record<
    IpType,
    { description: string }
  >,
});
