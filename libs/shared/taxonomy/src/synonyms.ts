/**
 * Default synonym groups for search: each group lists terms a domain person treats as the same
 * thing (full name, abbreviation, common variant). Only true equivalences belong here — a
 * broader/narrower pair such as 钙钛矿 → 钙钛矿电池 or 燃料电池 → 氢燃料电池 would drag unrelated
 * listings into results, so such pairs are left out. No term appears in two groups. Administrators
 * can edit the list at run time; this is the seed.
 */
export const DEFAULT_SYNONYM_GROUPS: readonly string[][] = [
  // 光伏与新能源
  ['光伏电池', '太阳能电池', '太阳电池', '光伏电池片'],
  ['光伏组件', '太阳能电池组件', '太阳能组件', '光伏板', '太阳能电池板'],
  ['钙钛矿电池', '钙钛矿太阳能电池', '钙钛矿太阳电池'],
  ['叠层电池', '叠层太阳能电池', '叠层太阳电池'],
  ['异质结电池', '异质结太阳能电池', 'HJT', 'HJT电池'],
  ['TOPCon', 'TOPCon电池', '隧穿氧化层钝化接触电池'],
  ['PERC', 'PERC电池', '钝化发射极和背面电池'],
  ['IBC电池', '叉指背接触电池', '全背电极接触电池'],
  ['光电转换效率', 'PCE'],
  ['光致衰减', 'LID'],
  ['电势诱导衰减', 'PID衰减'],
  ['电致发光检测', 'EL检测'],
  ['光伏逆变器', '太阳能逆变器'],
  ['最大功率点跟踪', 'MPPT'],
  ['分布式光伏', '分布式光伏发电'],
  ['锂离子电池', '锂电池', '锂电'],
  ['钠离子电池', '钠电池', '钠电'],
  ['磷酸铁锂', 'LFP', 'LiFePO4'],
  ['镍钴锰三元材料', 'NCM'],
  ['电池管理系统', 'BMS'],
  ['质子交换膜燃料电池', 'PEMFC'],
  ['电解水制氢', '水电解制氢'],
  ['碳达峰碳中和', '双碳'],
  ['碳捕集利用与封存', 'CCUS'],

  // 泛半导体
  ['集成电路', '芯片', 'IC'],
  ['碳化硅', 'SiC'],
  ['氮化镓', 'GaN'],
  ['绝缘栅双极型晶体管', 'IGBT'],
  ['金属氧化物半导体场效应晶体管', 'MOSFET', 'MOS管'],
  ['化学机械抛光', 'CMP'],
  ['化学气相沉积', 'CVD'],
  ['等离子体增强化学气相沉积', 'PECVD'],
  ['物理气相沉积', 'PVD'],
  ['原子层沉积', 'ALD'],
  ['微机电系统', 'MEMS'],
  ['晶圆', 'wafer'],
  ['光刻胶', '光致抗蚀剂'],
  ['电子特气', '电子特种气体'],
  ['湿电子化学品', '超净高纯试剂'],
  ['封装测试', '封测'],
  ['发光二极管', 'LED'],
  ['有机发光二极管', 'OLED'],
  ['印制电路板', '印刷电路板', 'PCB', '线路板'],
  ['自动光学检测', 'AOI'],

  // 高端装备与智能制造
  ['数控机床', 'CNC机床', '计算机数控机床'],
  ['可编程逻辑控制器', 'PLC'],
  ['自动导引车', '自动导引运输车', 'AGV'],
  ['增材制造', '3D打印'],
  ['伺服电机', '伺服马达'],
  ['减速器', '减速机'],
  ['变频器', '变频调速器'],
  ['比例积分微分控制', 'PID控制'],
  ['磁悬浮轴承', '磁轴承'],
  ['无损检测', '无损探伤', 'NDT'],
  ['扫描电子显微镜', '扫描电镜', 'SEM'],
  ['有限元分析', '有限元仿真', 'FEA'],
  ['计算流体力学', 'CFD'],
  ['预测性维护', '预测性维修'],
  ['数字孪生', 'Digital Twin'],
  ['制造执行系统', 'MES'],
  ['射频识别', 'RFID'],
  ['无人机', '无人驾驶航空器', 'UAV'],
  ['航空发动机', '航发'],
  ['高温合金', '超合金'],

  // 数字经济与人工智能
  ['人工智能', 'AI'],
  ['机器视觉', '视觉检测'],
  ['大语言模型', 'LLM'],
  ['自然语言处理', 'NLP'],
  ['光学字符识别', 'OCR'],
  ['物联网', 'IoT'],
  ['工业物联网', 'IIoT'],

  // 纺织、皮革与纺机
  ['经编', '经编针织'],
  ['经编机', '经编针织机'],
  ['纬编', '纬编针织'],
  ['横机', '针织横机'],
  ['大圆机', '针织大圆机', '圆机'],
  ['袜机', '织袜机'],
  ['纺织机械', '纺机'],
  ['缝制设备', '缝纫设备', '缝制机械'],
  ['断纱', '断头', '纱线断头'],
  ['家纺', '家用纺织品'],
  ['无纺布', '非织造布', '非织造材料'],
  ['印染', '染整'],
  ['数码印花', '数字印花', '喷墨印花'],
  ['超临界二氧化碳染色', '超临界CO2染色'],
  ['色牢度', '染色牢度'],
  ['起毛起球', '起球'],
  ['吸湿排汗', '吸湿速干'],
  ['阻燃', '难燃'],
  ['功能性纺织品', '功能纺织品'],
  ['涤纶', '聚酯纤维', 'PET纤维'],
  ['锦纶', '尼龙', '聚酰胺纤维'],
  ['氨纶', '聚氨酯弹性纤维', '莱卡'],
  ['粘胶纤维', '黏胶纤维'],
  ['芳纶', '芳香族聚酰胺纤维'],
  ['超高分子量聚乙烯纤维', 'UHMWPE纤维', '高强高模聚乙烯纤维'],
  ['超细纤维合成革', '超纤革', '超纤皮'],
  ['无铬鞣', '无铬鞣制'],

  // 新材料
  ['碳纤维增强复合材料', '碳纤维复合材料', 'CFRP'],
  ['复合材料', '复材'],
  ['聚乳酸', 'PLA'],
  ['热塑性聚氨酯', 'TPU'],
  ['聚氨酯', 'PU'],
  ['聚氯乙烯', 'PVC'],
  ['生物可降解', '可生物降解'],
  ['拉伸强度', '抗拉强度'],
  ['导热系数', '热导率'],

  // 生命健康
  ['体外诊断', 'IVD'],
  ['聚合酶链式反应', 'PCR'],
  ['即时检验', '床旁检测', 'POCT'],

  // 节能环保
  ['化学需氧量', 'COD'],
  ['挥发性有机物', 'VOCs', 'VOC'],
  ['余热回收', '废热回收'],
  ['生命周期评价', '生命周期评估', 'LCA'],

  // 技术转移
  ['技术成熟度', 'TRL'],
  ['揭榜挂帅', '揭榜制'],
];

/**
 * The other terms in the group of `term` (case-insensitive for Latin letters), without the term
 * itself; empty when the term has no synonyms.
 */
export function synonymsOf(term: string, groups: readonly (readonly string[])[] = DEFAULT_SYNONYM_GROUPS): string[] {
  const needle = term.trim().toLowerCase();
  const group = groups.find((candidates) => candidates.some((candidate) => candidate.toLowerCase() === needle));
  return group ? group.filter((candidate) => candidate.toLowerCase() !== needle) : [];
}
