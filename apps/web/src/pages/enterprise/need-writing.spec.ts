import { descriptionWithIndicators, splitIndicators } from './need-writing';

describe('writing a need', () => {
  it('puts the indicators under the description and takes them back out for editing', () => {
    const indicators = [
      { name: '断纱检出率', target: '≥ 99.5%' },
      { name: '停机响应', target: '< 200 ms' },
    ];
    const text = descriptionWithIndicators('经编机高速运行时断纱漏检，需要在线视觉检测并自动停机。', indicators);
    expect(splitIndicators(text)).toEqual({ description: '经编机高速运行时断纱漏检，需要在线视觉检测并自动停机。', indicators });
  });

  it('leaves text of any other shape as the description, with one empty indicator to fill in', () => {
    expect(splitIndicators('只有描述，没有指标。')).toEqual({ description: '只有描述，没有指标。', indicators: [{}] });
  });
});
