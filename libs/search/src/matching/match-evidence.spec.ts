import { EVIDENCE_WEIGHTS, FIT_NEEDS_RELEVANCE, RELEVANCE_EVIDENCE } from './match-weights';
import { formatWan, MatchListing, scorePair, sharedKeywords } from './match-evidence';

const NOW = new Date('2026-11-27T00:00:00Z');

const listing = (overrides: Partial<MatchListing>): MatchListing => ({
  id: 'x',
  kind: 'RESULT',
  title: '',
  keywords: [],
  description: '',
  industry: 'NEW_ENERGY_PV',
  region: null,
  cooperationModes: [],
  budgetMin: null,
  budgetMax: null,
  askingPrice: null,
  trl: null,
  publishedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

const need = listing({
  id: 'need',
  kind: 'NEED',
  title: '钙钛矿/晶硅叠层电池中试开发',
  keywords: ['钙钛矿', '叠层电池', '中试'],
  description: '需要钙钛矿与晶硅叠层电池的中试工艺。',
  industry: 'NEW_ENERGY_PV',
  region: '330481',
  cooperationModes: ['LICENSE', 'JOINT_DEVELOPMENT'],
  budgetMin: 500_000,
  budgetMax: 1_200_000,
  trl: 6,
});

const result = listing({
  id: 'result',
  kind: 'RESULT',
  title: '钙钛矿/晶硅叠层电池制备技术',
  keywords: ['钙钛矿', '叠层电池', '晶硅'],
  description: '四端叠层电池，效率 28%。',
  industry: 'NEW_ENERGY_PV',
  region: '330402',
  cooperationModes: ['LICENSE', 'TRANSFER'],
  askingPrice: 800_000,
  trl: 7,
});

describe('scorePair reasons', () => {
  it('states each point in favour in the agreed wording', () => {
    const { reasons, score } = scorePair(need, result, 0.8, NOW);
    expect(reasons).toEqual([
      '关键词匹配: 钙钛矿, 叠层电池, 晶硅',
      '同属行业: 光伏',
      '成熟度 TRL 7 ≥ 需求要求 6',
      '报价 80 万在预算 50–120 万内',
      '可许可 / 需求接受许可',
      '同在嘉兴市',
    ]);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(1);
  });

  it('reads the same pair the same way from the result side', () => {
    expect(scorePair(result, need, 0.8, NOW).reasons).toEqual([
      '关键词匹配: 钙钛矿, 叠层电池, 晶硅',
      '同属行业: 光伏',
      '成熟度 TRL 7 ≥ 需求要求 6',
      '报价 80 万在预算 50–120 万内',
      '可许可 / 需求接受许可',
      '同在嘉兴市',
    ]);
  });

  it('names the common top-level industry when the sub-industries differ', () => {
    expect(scorePair(need, { ...result, industry: 'NEW_ENERGY_BATTERY' }, 0.5, NOW).reasons).toContain('同属行业: 光伏新能源');
  });

  it('gives no reason that does not hold', () => {
    const poor = {
      ...result,
      keywords: ['锂电池'],
      title: '固态电解质',
      description: '硫化物固态电解质',
      industry: 'TEXTILE_LEATHER',
      region: '310117',
      cooperationModes: ['EQUITY'],
      askingPrice: 2_000_000,
      trl: 4,
    };
    const { reasons, evidence } = scorePair(need, poor, 0.1, NOW);
    expect(reasons).toEqual([]);
    for (const name of ['keywords', 'industry', 'price', 'cooperation', 'region'] as const) {
      expect(evidence.find((item) => item.name === name)?.value).toBe(0);
    }
    // Two levels short of the minimum: partly mature, not a point in favour.
    expect(evidence.find((item) => item.name === 'trl')?.value).toBeLessThan(0.5);
  });

  it('skips TRL when the need states no minimum, and price when it has no budget', () => {
    const open = { ...need, trl: null, budgetMin: null, budgetMax: null };
    const names = scorePair(open, result, 0.5, NOW).evidence.map((item) => item.name);
    expect(names).not.toContain('trl');
    expect(names).not.toContain('price');
  });

  it('phrases a budget ceiling alone, and credits a price below the floor without claiming it is in range', () => {
    expect(scorePair({ ...need, budgetMin: null }, result, 0.5, NOW).reasons).toContain('报价 80 万在预算 120 万以内');
    const cheap = scorePair(need, { ...result, askingPrice: 350_000 }, 0.5, NOW);
    expect(cheap.reasons.some((reason) => reason.startsWith('报价'))).toBe(false);
    expect(cheap.evidence.find((item) => item.name === 'price')?.value).toBeGreaterThan(0);
  });

  it('lists every common cooperation mode', () => {
    const both = scorePair({ ...need, cooperationModes: ['TRANSFER', 'LICENSE'] }, result, 0.5, NOW);
    expect(both.reasons).toContain('可转让、许可 / 需求接受转让、许可');
  });

  it('labels expert keywords as research fields and credits their own results', () => {
    const expert = listing({ id: 'e', kind: 'EXPERT', title: '王研究员', keywords: ['钙钛矿', '薄膜封装'], industry: 'NEW_ENERGY_PV', region: '330106' });
    const { reasons } = scorePair(need, expert, 0.4, NOW, { ownResult: { title: '钙钛矿/晶硅叠层电池制备技术', value: 1 } });
    expect(reasons).toEqual(['研究方向匹配: 钙钛矿', '同属行业: 光伏', '本人成果: 钙钛矿/晶硅叠层电池制备技术']);
  });
});

describe('scorePair score', () => {
  it('stays in [0, 1] and rises with text relevance and with evidence', () => {
    const low = scorePair(need, result, 0, NOW).score;
    const high = scorePair(need, result, 1, NOW).score;
    const farAway = scorePair(need, { ...result, region: '310117', industry: 'TEXTILE_HOME' }, 1, NOW).score;
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThanOrEqual(1);
    expect(high).toBeGreaterThan(low);
    expect(farAway).toBeLessThan(high);
  });

  it('is the weighted mean of the applicable evidence (fit in full once relevance reaches FIT_NEEDS_RELEVANCE)', () => {
    const { score, evidence } = scorePair(need, result, 0.5, NOW);
    const total = evidence.reduce((sum, item) => sum + EVIDENCE_WEIGHTS[item.name], 0);
    const got = evidence.reduce((sum, item) => sum + EVIDENCE_WEIGHTS[item.name] * item.value, 0);
    expect(score).toBeCloseTo(got / total, 10);
  });

  it('counts fit only in proportion to relevance: a candidate that merely fits does not beat one about the need', () => {
    const unrelated = { ...result, title: '无关成果', keywords: [], description: '与需求无关。' };
    // Everything fits (same industry, city, TRL, price, modes) but nothing says it is about the need.
    const fitsOnly = scorePair(need, unrelated, 0, NOW);
    expect(fitsOnly.score).toBe(0);
    // About the need (some text and concept evidence), nothing else fits.
    const aboutIt = scorePair(need, { ...unrelated, industry: 'TEXTILE_HOME', region: '310117', trl: 3, askingPrice: 9_000_000, cooperationModes: [] }, 0.2, NOW, {
      concepts: { value: 0.3, reason: null },
    });
    expect(aboutIt.score).toBeGreaterThan(fitsOnly.score);
    // With little relevance, fit counts in proportion; from FIT_NEEDS_RELEVANCE on, in full.
    const weak = scorePair(need, unrelated, FIT_NEEDS_RELEVANCE / 2, NOW);
    const strong = scorePair(need, unrelated, FIT_NEEDS_RELEVANCE, NOW);
    const fitPart = (scored: typeof weak) => scored.evidence.filter((item) => !RELEVANCE_EVIDENCE.includes(item.name)).reduce((sum, item) => sum + EVIDENCE_WEIGHTS[item.name] * item.value, 0);
    const total = (scored: typeof weak) => scored.evidence.reduce((sum, item) => sum + EVIDENCE_WEIGHTS[item.name], 0);
    expect(weak.score * total(weak)).toBeCloseTo(EVIDENCE_WEIGHTS.text * (FIT_NEEDS_RELEVANCE / 2) + fitPart(weak) / 2, 10);
    expect(strong.score * total(strong)).toBeCloseTo(EVIDENCE_WEIGHTS.text * FIT_NEEDS_RELEVANCE + fitPart(strong), 10);
  });

  it('prefers a fresh candidate to a stale one, everything else equal', () => {
    const stale = { ...result, publishedAt: '2023-01-01T00:00:00.000Z' };
    expect(scorePair(need, result, 0.5, NOW).score).toBeGreaterThan(scorePair(need, stale, 0.5, NOW).score);
  });
});

describe('sharedKeywords', () => {
  it('names only keywords found in both texts, not ones inside a longer named one', () => {
    const shared = sharedKeywords({ ...need, keywords: ['叠层电池', '电池', '钙钛矿'] }, { ...result, keywords: [] });
    expect(shared?.terms).toEqual(['叠层电池', '钙钛矿']);
  });

  it('is not applicable when the source has no keywords', () => {
    expect(sharedKeywords({ ...need, keywords: [] }, result)).toBeNull();
  });
});

describe('formatWan', () => {
  it.each([
    [800_000, '80'],
    [35_000, '3.5'],
    [1_200_000, '120'],
    [12_345, '1.23'],
  ])('%p → %p 万', (amount, text) => {
    expect(formatWan(amount)).toBe(text);
  });
});
