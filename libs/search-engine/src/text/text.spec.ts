import { Analyzer, normalizeText } from './analyzer';
import { condenseQuery } from './condense';
import { highlightSnippet } from './highlight';

describe('Analyzer', () => {
  const analyzer = new Analyzer();

  it('keeps domain terms whole and puts each word before its sub-words', () => {
    expect(analyzer.queryTokens('钙钛矿叠层电池')).toEqual(['钙钛矿', '叠层电池']);
    const tokens = analyzer.indexTokens('太阳能电池隐裂');
    expect(tokens[0]).toBe('太阳能电池');
    expect([...tokens].sort()).toEqual(['太阳', '太阳能', '太阳能电池', '电池', '隐裂'].sort());
    expect(tokens[tokens.length - 1]).toBe('隐裂');
    expect(analyzer.queryTokens('经编机断纱检测')).toEqual(['经编机', '断纱', '检测']);
  });

  it('lower-cases Latin, folds full-width characters and drops punctuation and stop words', () => {
    expect(analyzer.queryTokens('ＡＩ视觉的 YOLOv8，和 PLC！')).toEqual(['ai', '视觉', 'yolov8', 'plc']);
    expect(normalizeText('ＡＢｃ　１２')).toBe('abc 12');
    expect(normalizeText('İx').length).toBe(2);
  });
});

describe('condenseQuery', () => {
  it('keeps short queries as they are', () => {
    expect(condenseQuery('钙钛矿 叠层电池 效率')).toEqual(['钙钛矿', '叠层电池', '效率']);
  });

  it('keeps the ten most specific terms of a long need statement, in their order', () => {
    const terms = condenseQuery(
      '我们企业需要一种能够自动检测经编机断纱的视觉系统，要求检测准确率高于99%，响应时间小于50毫秒，并且可以与现有的生产线控制系统集成，支持AI算法和YOLOv8模型部署',
    );
    expect(terms.length).toBe(10);
    expect(terms).toEqual(expect.arrayContaining(['经编机', '断纱', 'yolov8']));
    expect(terms).not.toEqual(expect.arrayContaining(['要求']));
    const text = '经编机 断纱 yolov8';
    expect(terms.indexOf('经编机')).toBeLessThan(terms.indexOf('断纱'));
    expect(condenseQuery(text, 2)).toHaveLength(2);
  });
});

describe('highlightSnippet', () => {
  it('wraps Chinese matches, escapes HTML and matches Latin on word boundaries only', () => {
    expect(highlightSnippet('耐温<150℃的钙钛矿电池', ['钙钛矿'], '<em>', '</em>')).toBe('耐温&lt;150℃的<em>钙钛矿</em>电池');
    expect(highlightSnippet('MAIL AI 系统', ['ai'], '[', ']')).toBe('MAIL [AI] 系统');
    expect(highlightSnippet('无关内容', ['钙钛矿'], '<em>', '</em>')).toBeNull();
  });

  it('cuts long texts around the first match', () => {
    const text = `${'前'.repeat(300)}钙钛矿${'后'.repeat(300)}`;
    const snippet = highlightSnippet(text, ['钙钛矿'], '<em>', '</em>', 60) ?? '';
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<em>钙钛矿</em>');
    expect(snippet.replace(/<\/?em>|…/g, '')).toHaveLength(60);
  });
});
