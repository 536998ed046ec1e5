/**
 * Domain words added to the jieba dictionary (and to Meilisearch's `dictionary` setting) so that
 * they stay one token. jieba's own dictionary already knows 钙钛矿, 经编机, 断纱, 光伏, 芯片; these
 * are ones it splits (叠层电池 → 叠层|电池) or that matter enough to pin.
 */
export const DOMAIN_TERMS: readonly string[] = [
  '钙钛矿',
  '钙钛矿电池',
  '叠层电池',
  '太阳能电池',
  '光伏电池',
  '光伏组件',
  '异质结',
  '锂离子电池',
  '锂电池',
  '钠离子电池',
  '固态电池',
  '磷酸铁锂',
  '燃料电池',
  '储能电池',
  '经编机',
  '经编',
  '纬编',
  '断纱',
  '袜机',
  '横机',
  '大圆机',
  '家纺',
  '无纺布',
  '数码印花',
  '色牢度',
  '鞣制',
  '无铬鞣',
  '超纤革',
  '碳化硅',
  '氮化镓',
  '光刻胶',
  '晶圆',
  '封测',
  '集成电路',
  '半导体',
  '人工智能',
  '机器视觉',
  '视觉检测',
  '数字孪生',
  '增材制造',
  '碳纤维',
  '复合材料',
  '揭榜挂帅',
];

/** Words that carry no meaning for matching; dropped from documents and queries alike. */
export const STOP_WORDS: readonly string[] = [
  '的', '了', '和', '与', '及', '或', '等', '在', '是', '对', '为', '以', '于', '将', '并', '其', '该', '这', '那',
  '之', '而', '且', '也', '就', '都', '被', '把', '从', '向', '由', '至', '中', '上', '下', '个', '我', '我们',
  '你', '您', '他', '她', '它', '他们', '一种', '一个', '一些', '进行', '通过', '可以', '能够', '需要', '具有',
  '采用', '利用', '使用', '关于', '对于', '以及', '并且', '其中', '如何', '什么', '哪些', '有', '无', '不',
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'by', 'is', 'are',
];
