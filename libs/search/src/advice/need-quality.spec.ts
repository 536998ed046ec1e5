import { CriterionKey, NeedDraftText, scoreNeed } from './need-quality';

const EMPTY: NeedDraftText = { title: '', description: '', keywords: [], budgetMin: null, budgetMax: null, cooperationModes: [], deadline: null, minTrl: null };
const criterion = (draft: Partial<NeedDraftText>, key: CriterionKey, named = { problems: [] as string[], objects: [] as string[] }) =>
  scoreNeed({ ...EMPTY, ...draft }, named).criteria.find((item) => item.key === key) ?? { score: -1, fixes: [] };

/** A need a researcher can answer: what, how bad, the target, the conditions and the terms. */
const GOOD: NeedDraftText = {
  title: '经编机断纱在线视觉检测与自动停机',
  description:
    '我司有 40 台高速经编机（车速 2000 rpm），目前靠人工巡检发现断纱，平均每次断纱造成 3 米疵布，月损失约 5 万元。' +
    '曾试用过光电式断纱探头，对细旦丝漏检严重，效果不理想。希望在现有机台上加装视觉检测，不改变原有控制系统（PLC），单台改造成本不超过 2 万元，停机改造时间每台不超过 4 小时。' +
    '先在 2 台机台上中试 3 个月，验收后推广。\n\n技术指标：\n- 断纱检出率：≥ 99.5%\n- 停机响应：< 200 ms',
  keywords: ['断纱检测', '机器视觉'],
  budgetMin: 300_000,
  budgetMax: 800_000,
  cooperationModes: ['JOINT_DEVELOPMENT'],
  deadline: '2027-06-30',
  minTrl: 6,
};

describe('the quality score of a need', () => {
  it('gives a complete need 20 of 20 and no fix-it lines', () => {
    const quality = scoreNeed(GOOD);
    expect(quality.criteria.map((item) => [item.key, item.score])).toEqual([
      ['PROBLEM_CLARITY', 5],
      ['MEASURABLE_TARGETS', 5],
      ['CONTEXT', 5],
      ['COOPERATION', 5],
    ]);
    expect(quality.total).toBe(20);
    expect(quality.criteria.flatMap((item) => item.fixes)).toEqual([]);
  });

  it('gives an empty draft 0 with a fix-it line for every missing point', () => {
    const quality = scoreNeed(EMPTY);
    expect(quality.total).toBe(0);
    expect(quality.criteria.map((item) => item.label)).toEqual(['问题清晰度', '可量化目标', '现状与约束', '合作预期']);
    for (const item of quality.criteria) expect(item.fixes.length).toBeGreaterThan(0);
    expect(quality.criteria[0].fixes).toContain('问题描述至少 20 个字（当前 0 个）');
  });

  it('scores problem clarity by title, object, symptom, current state and length', () => {
    expect(criterion({ title: '改造', description: '希望合作。' }, 'PROBLEM_CLARITY').score).toBe(0);
    const vague = criterion({ title: '经编机改造项目', description: '经编机需要改造，欢迎合作。' }, 'PROBLEM_CLARITY');
    expect(vague.score).toBe(1); // the object only
    expect(vague.fixes).toEqual(expect.arrayContaining([expect.stringMatching(/^标题写明对象和问题/), expect.stringMatching(/^写明具体症状/), expect.stringMatching(/^写明现状/)]));
    // A problem concept the graph found counts as the symptom, though no symptom word is written.
    expect(criterion({ title: '经编机改造项目', description: '经编机布面横路，欢迎合作。' }, 'PROBLEM_CLARITY', { problems: ['横条'], objects: [] }).score).toBe(2);
    expect(criterion(GOOD, 'PROBLEM_CLARITY').score).toBe(5);
  });

  it('scores measurable targets by numbers with units and stated target values, not by dates or codes', () => {
    expect(criterion({ description: '希望检测效果明显提升，达到先进水平，更好地满足客户需要。' }, 'MEASURABLE_TARGETS')).toEqual(
      expect.objectContaining({ score: 0, fixes: expect.arrayContaining([expect.stringContaining('写明目标值，如「检出率 ≥ 99.5%」'), expect.stringContaining('较模糊')]) }),
    );
    // Dates, patent numbers and model codes are not measures.
    expect(criterion({ description: '2023年10月投产，2024-03-15 验收，专利 ZL202310123456.6，型号 HKS4。' }, 'MEASURABLE_TARGETS').score).toBe(0);
    expect(criterion({ description: '车速 2000 rpm。' }, 'MEASURABLE_TARGETS').score).toBe(2);
    expect(criterion({ description: '车速 2000 rpm，检出率 ≥ 99.5%。' }, 'MEASURABLE_TARGETS').score).toBe(4);
    const full = criterion({ description: '车速 2000 rpm，检出率 ≥ 99.5%，响应 < 200 ms。' }, 'MEASURABLE_TARGETS');
    expect(full).toEqual(expect.objectContaining({ score: 5, fixes: [] }));
    // The form's indicator lines count as measures with targets.
    expect(criterion({ description: '断纱漏检。\n\n技术指标：\n- 检出率：≥ 99.5%\n- 误报：每班不超过 1 次' }, 'MEASURABLE_TARGETS').score).toBe(5);
  });

  it('scores context by scale, equipment, what was tried and kinds of constraints', () => {
    expect(criterion({ description: '断纱检测。' }, 'CONTEXT').score).toBe(0);
    const some = criterion({ description: '共 40 台经编机，控制系统为 PLC。' }, 'CONTEXT');
    expect(some.score).toBe(2);
    expect(some.fixes).toEqual(expect.arrayContaining([expect.stringMatching(/^写明已经尝试过的方法/), expect.stringMatching(/^写明限制条件/)]));
    expect(criterion({ description: '共 40 台经编机，控制系统为 PLC，试过光电探头效果不理想，改造成本不超过 2 万元。' }, 'CONTEXT').score).toBe(4);
    expect(criterion({ description: '共 40 台经编机，控制系统为 PLC，试过光电探头效果不理想，改造成本不超过 2 万元，每台停机时间不超过 4 小时。' }, 'CONTEXT').score).toBe(5);
  });

  it('scores cooperation expectations by budget, mode, timeline, pilot and TRL', () => {
    expect(criterion({}, 'COOPERATION').score).toBe(0);
    expect(criterion({ budgetMax: 500_000, cooperationModes: ['LICENSE'] }, 'COOPERATION').score).toBe(2);
    expect(criterion({ budgetMax: 500_000, cooperationModes: ['LICENSE'], description: '6 个月内完成样机并在产线中试。' }, 'COOPERATION').score).toBe(4);
    const full = criterion({ budgetMin: 0, cooperationModes: ['LICENSE'], deadline: '2027-01-31', description: '验收后付款。', minTrl: 7 }, 'COOPERATION');
    expect(full).toEqual(expect.objectContaining({ score: 5, fixes: [] }));
  });

  it('shows fix-it lines only for weak criteria (score ≤ 3)', () => {
    const four = criterion({ description: '车速 2000 rpm，检出率 ≥ 99.5%。' }, 'MEASURABLE_TARGETS');
    expect(four).toEqual(expect.objectContaining({ score: 4, fixes: [] }));
  });
});
