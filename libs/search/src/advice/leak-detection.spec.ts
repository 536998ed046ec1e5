import { detectLeaks, organizationNameForms } from './leak-detection';

const NONE = { title: '', description: '', keywords: [] as string[] };

describe('leak detection in a need’s public text', () => {
  const leaks = (description: string, options: { anonymous?: boolean; organizationName?: string } = {}) =>
    detectLeaks({ ...NONE, description }, { anonymous: options.anonymous ?? true, organizationName: options.organizationName });

  it.each([
    ['a mobile number', '有意者请联系王工 13857300001。', 'PHONE', '13857300001'],
    ['a mobile number with +86 and dashes', '电话：+86 138-5730-0001', 'PHONE', '+86 138-5730-0001'],
    ['a landline with area code', '联系电话 0573-87654321 转 8001', 'PHONE', '0573-87654321'],
    ['a landline in brackets', '请致电（0573）87654321', 'PHONE', '（0573）87654321'],
    ['a service number', '客服 400-826-1234', 'PHONE', '400-826-1234'],
    ['an e-mail address', '资料发送至 wang.gong@hengjin-knit.com 即可', 'EMAIL', 'wang.gong@hengjin-knit.com'],
    ['a street address', '工厂位于海宁市文化路 88 号，可来现场看', 'ADDRESS', '海宁市文化路 88 号'],
    ['a sub-district', '我司地处海宁市马桥街道，交通便利', 'ADDRESS', '马桥街道'],
    ['an industrial park with a building', '车间在经编产业园区 3 幢', 'ADDRESS', '经编产业园区 3 幢'],
  ])('finds %s', (_, description, kind, found) => {
    const warnings = leaks(description);
    expect(warnings).toEqual([expect.objectContaining({ kind, field: 'DESCRIPTION', found })]);
    expect(warnings[0].message).toContain('问题描述中');
    expect(warnings[0].message).toContain(found);
  });

  it('finds the organisation’s name and its short forms when the need is anonymous, and says where', () => {
    const name = '海宁恒锦经编有限公司';
    expect(organizationNameForms(name)).toEqual(['海宁恒锦经编有限公司', '海宁恒锦经编', '恒锦经编', '恒锦']);
    const warnings = detectLeaks(
      { title: '恒锦经编机断纱检测', description: '我们恒锦的车间有 40 台经编机。', keywords: ['海宁恒锦经编'] },
      { anonymous: true, organizationName: name },
    );
    expect(warnings.map((warning) => [warning.field, warning.found])).toEqual([
      ['TITLE', '恒锦经编'],
      ['DESCRIPTION', '恒锦'],
      ['KEYWORDS', '海宁恒锦经编'],
    ]);
    expect(warnings[0].message).toBe('标题中出现单位名称“恒锦经编”：匿名发布时会暴露贵单位，请改为“某企业”或删去');
  });

  it('does not flag the organisation’s name of a need that shows it anyway, but still flags contact details', () => {
    const warnings = detectLeaks({ ...NONE, description: '恒锦经编车间，联系 13857300001' }, { anonymous: false, organizationName: '海宁恒锦经编有限公司' });
    expect(warnings.map((warning) => warning.kind)).toEqual(['PHONE']);
    expect(warnings[0].message).not.toContain('暴露');
  });

  it('never takes an industry name or technical term for a short form of the name', () => {
    expect(organizationNameForms('海宁光伏科技有限公司')).toEqual(['海宁光伏科技有限公司', '海宁光伏科技', '光伏科技']);
    expect(organizationNameForms('浙江经编机械有限公司', (form) => form === '经编机械')).toEqual(['浙江经编机械有限公司', '浙江经编机械']);
    expect(detectLeaks({ ...NONE, description: '光伏组件隐裂检测' }, { anonymous: true, organizationName: '海宁光伏有限公司' })).toEqual([]);
  });

  it.each([
    ['speeds and temperatures', '主轴转速 2800 r/min，烘箱 180 ℃，车速 1350 m/min，功率 15 kW。'],
    ['patent numbers', '已有专利 ZL202310123456.6 和 ZL 2021 1 0123456.7，参考 CN114123456A。'],
    ['dates', '2023-10-12 投产，2024年3月15日 验收，截止 2026/06/30，20231012 批次。'],
    ['standards and models', '符合 GB/T 3923.1-2013、ISO 9001:2015，型号 HKS4-1 E，料号 13857300001A。'],
    ['long numbers and measures', '年产 13500000 米，精度 0.01357300001 mm，订单号 2138573000019。'],
    ['circuits and oil ways', '控制电路 3 号板、液压油路 2 号阀需要改造；线路 5 号端子。'],
    ['streets as a subject', '城市主干街道照明 5 号灯杆的智能控制，背街小巷街道 12 号段。'],
    ['e-mail-like technical text', 'SiC@SiO2 核壳结构，Fe3O4@C 复合材料。'],
    ['ordinary technical text', '经编机高速运行时断纱漏检，需要在线视觉检测并自动停机，检出率 ≥ 99.5%，响应 < 200 ms。'],
  ])('raises nothing on %s', (_, description) => {
    expect(leaks(description, { organizationName: '海宁恒锦经编有限公司' })).toEqual([]);
  });
});
