import { registerEnumType } from '@nestjs/graphql';

export enum IpType {
  INVENTION_PATENT = 'INVENTION_PATENT',
  UTILITY_MODEL = 'UTILITY_MODEL',
  DESIGN_PATENT = 'DESIGN_PATENT',
  SOFTWARE_COPYRIGHT = 'SOFTWARE_COPYRIGHT',
  KNOW_HOW = 'KNOW_HOW',
  OTHER = 'OTHER',
}

registerEnumType(IpType, {
  name: 'IpType',
  description: '知识产权类型',
  valuesMap: {
    INVENTION_PATENT: { description: '发明专利' },
    UTILITY_MODEL: { description: '实用新型' },
    DESIGN_PATENT: { description: '外观设计' },
    SOFTWARE_COPYRIGHT: { description: '软件著作权' },
    KNOW_HOW: { description: '技术秘密' },
    OTHER: { description: '其他' },
  },
});
