import { descriptionWithIndicators, needWritingAdvice, splitIndicators } from './need-writing';

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

  it('asks for measurable targets and flags vague wording, and says so when the need is clear', () => {
    const vague = needWritingAdvice('经编机改造', '希望设备性能有明显提升，效果更好一些，达到先进水平，以便提高产品质量和生产效率，降低人工成本。'.repeat(2), []);
    expect(vague.map((advice) => advice.text).join()).toMatch(/缺少可量化指标/);
    expect(vague.map((advice) => advice.text).join()).toMatch(/较模糊/);

    const clear = needWritingAdvice(
      '经编机断纱在线视觉检测与自动停机',
      '高速经编机（2000 rpm）断纱后人工巡检发现滞后，平均每次造成 3 米疵布。现有光电式检测对细旦丝漏检严重，需要在线视觉检测方案，检出率 ≥ 99.5%，停机响应 < 200 ms，可加装到现有机台。',
      [{ name: '检出率', target: '≥ 99.5%' }],
    );
    expect(clear).toEqual([{ level: 'success', text: expect.stringContaining('描述清楚') }]);
  });
});
