/** Valid inputs to start from; tests override one field to probe a rule. */
export function needInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '经编机断纱自动检测方案征集',
    description: '我司现有高速经编机120台，断纱依靠人工巡检，漏检率高。希望引入视觉或传感方案实现断纱自动检测与停机。',
    industry: 'TEXTILE',
    keywords: [' 经编 ', '断纱检测', '机器视觉', '经编'],
    regionCode: '330481',
    cooperationModes: ['JOINT_DEVELOPMENT', 'TECH_SERVICE'],
    contact: { name: '王工', phone: '13800138000', email: 'wang@example.com' },
    organizationName: '海宁某经编有限公司',
    budgetMin: 200000,
    budgetMax: 500000,
    deadline: '2099-12-31',
    minTrl: 6,
    ...overrides,
  };
}

export function resultInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '钙钛矿叠层光伏组件封装技术',
    description: '一种提高钙钛矿/晶硅叠层组件湿热稳定性的封装工艺，已完成中试，组件效率衰减在1000小时内小于5%。',
    industry: 'NEW_ENERGY',
    keywords: ['钙钛矿', '封装', '叠层电池'],
    regionCode: '330400',
    cooperationModes: ['LICENSE', 'TRANSFER'],
    contact: { name: '李老师', phone: '0571-87951234', email: 'li@university.edu.cn' },
    organizationName: '某大学光电学院',
    trl: 6,
    ipType: 'INVENTION_PATENT',
    patentNumbers: ['ZL201710601862.3'],
    askingPrice: 800000,
    openLicense: false,
    ...overrides,
  };
}

export function expertInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '张教授',
    institution: '浙江某大学材料学院',
    title: '教授',
    fields: ['纺织材料', '功能纤维'],
    industry: 'TEXTILE',
    bio: '长期从事功能纤维与智能纺织品研究，主持国家自然科学基金项目多项，与多家纺织企业有合作。',
    regionCode: '330000',
    contact: { name: '张教授', phone: '13900139000', email: 'zhang@university.edu.cn' },
    ...overrides,
  };
}

export const LISTING_FIELDS = `
  id status version rejectionReason viewerIsOwner createdAt updatedAt submittedAt publishedAt
  industry industryName regionCode regionName owner { id }
  contact { name phone email }
`;

export const NEED_FIELDS = `${LISTING_FIELDS} title description keywords cooperationModes organizationName budgetMin budgetMax deadline minTrl anonymous`;
export const RESULT_FIELDS = `${LISTING_FIELDS} title description keywords cooperationModes organizationName trl ipType patentNumbers askingPrice openLicense openLicenseTerms`;
export const EXPERT_FIELDS = `${LISTING_FIELDS} name institution title fields bio`;
