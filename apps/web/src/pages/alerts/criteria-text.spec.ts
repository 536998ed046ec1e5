import { criteriaText } from './criteria-text';

const NO_FILTERS = { industries: null, regions: null, cooperationModes: null, ipTypes: null, openLicense: null, trlMin: null, trlMax: null, priceMin: null, priceMax: null, concepts: null };

describe('a saved search in Chinese', () => {
  it('names the query, kinds and every filter that is set, and nothing else', () => {
    expect(criteriaText({ query: '钙钛矿', kinds: ['RESULT'], filters: { ...NO_FILTERS, trlMin: 6, trlMax: 8, openLicense: true } })).toEqual([
      { label: '关键词', value: '钙钛矿' },
      { label: '类别', value: '科技成果' },
      { label: '技术成熟度', value: '6–8 级' },
      { label: '开放许可', value: '是' },
    ]);
  });

  it('says 全部 for a search over every kind', () => {
    expect(criteriaText({ query: null, kinds: [], filters: NO_FILTERS })).toEqual([{ label: '类别', value: '全部' }]);
  });
});
