import { CooperationMode } from '@ttm/taxonomy';
import { demoAccount, demoContact, demoRegion } from './accounts';
import { needId } from './ids';
import { DemoNeed } from './types';

const { TRANSFER, LICENSE, EQUITY, JOINT_DEVELOPMENT, TECH_SERVICE } = CooperationMode;

type NeedDraft = Omit<DemoNeed, 'id' | 'ownerId' | 'contact' | 'regionCode' | 'anonymous' | 'minTrl'> & {
  n: number;
  /** Account number of the enterprise member who posts it. */
  owner: number;
  anonymous?: boolean;
  minTrl?: number;
};

const need = ({ n, owner, anonymous = false, minTrl, ...rest }: NeedDraft): DemoNeed => ({
  id: needId(n),
  ownerId: demoAccount(owner),
  regionCode: demoRegion(owner),
  anonymous,
  minTrl: minTrl ?? null,
  contact: demoContact(owner),
  ...rest,
});

export const DEMO_NEEDS: readonly DemoNeed[] = [
  // 海宁恒锦经编
  need({
    n: 1,
    owner: 101,
    title: '经编机断纱在线检测与自动停机改造',
    description:
      '公司有高速特里科经编机42台，机速2800 r/min，每台约3000根经纱。目前断纱靠挡车工巡回发现，平均发现时间超过40秒，造成漏针、破洞等疵点，月均疵点损失约18万元。希望开发一套经编机断纱在线检测系统：检测响应时间不超过50 ms，检出率不低于99.5%，误停率不高于每台每班1次，能与现有控制系统联动自动停机，单台改造费用控制在3万元以内，先在4台机上试点。',
    industry: 'TEXTILE_WARP_KNITTING',
    keywords: ['断纱检测', '经编机', '在线检测', '自动停机'],
    budgetMin: 500_000,
    budgetMax: 1_200_000,
    cooperationModes: [JOINT_DEVELOPMENT, TRANSFER],
    deadline: '2027-06-30',
    minTrl: 6,
  }),
  need({
    n: 2,
    owner: 101,
    title: '双针床经编间隔织物厚度均匀性提升',
    description:
      '我司生产10～25 mm厚的双针床经编间隔织物，主要用于汽车座椅和床垫。目前幅宽方向厚度CV值约6%，压缩回弹率在8万次疲劳后下降到85%，主机厂要求厚度CV值不超过3%、疲劳后回弹率不低于92%。需要在间隔丝垫纱、送经张力和定型工艺上系统优化，希望与高校合作开发并形成企业工艺标准。',
    industry: 'TEXTILE_WARP_KNITTING',
    keywords: ['间隔织物', '双针床经编', '厚度均匀性', '压缩回弹'],
    budgetMin: 300_000,
    budgetMax: 600_000,
    cooperationModes: [JOINT_DEVELOPMENT],
    deadline: '2027-03-31',
  }),
  need({
    n: 3,
    owner: 102,
    title: '经编花型设计与车间智能排产系统',
    description:
      '公司每月新开发花型约120个，目前设计依赖老师傅手工计算垫纱数码和送经量，一个复杂花型打样平均要3次才能成功；车间42台经编机靠Excel排产，换品种频繁，订单准时交付率只有80%左右。希望引进经编CAD花型设计与工艺仿真软件，并建设与之打通的智能排产系统，把打样次数降到1.5次以内、准时交付率提高到95%。',
    industry: 'TEXTILE_WARP_KNITTING',
    keywords: ['经编CAD', '花型设计', '智能排产', '工艺仿真'],
    budgetMin: 400_000,
    budgetMax: 900_000,
    cooperationModes: [LICENSE, TECH_SERVICE],
    deadline: '2027-09-30',
    minTrl: 7,
  }),
  need({
    n: 4,
    owner: 102,
    title: '经编面料疵点自动检测验布机',
    description:
      '现在成品验布由8名验布工完成，车速约15 m/min，漏检率约8%，客户投诉主要集中在油污、断经、稀密路和横条。希望开发基于视觉的自动验布系统：车速不低于60 m/min，门幅2.2 m，对长度2 mm以上疵点的检出率不低于95%，能区分12类以上疵点并自动打标、生成验布报告，可在现有验布机上加装。',
    industry: 'TEXTILE_WARP_KNITTING',
    keywords: ['疵点检测', '自动验布', '深度学习', '经编面料'],
    budgetMin: 300_000,
    budgetMax: 800_000,
    cooperationModes: [JOINT_DEVELOPMENT, TRANSFER],
    deadline: '2027-05-31',
  }),
  need({
    n: 5,
    owner: 101,
    title: '经编车间空压与空调系统节能改造',
    description:
      '经编车间面积2.4万平方米，需要常年恒温恒湿，空调和空压机用电约占全厂用电的46%，年电费超过600万元。希望对车间空调、空压系统做能耗诊断，提出余热利用、变频改造和群控方案，目标年节电不少于15%，投资回收期不超过3年，可采用合同能源管理模式。',
    industry: 'ENERGY_SAVING_EFFICIENCY',
    keywords: ['节能改造', '余热回收', '空压机', '能耗诊断'],
    budgetMin: 200_000,
    budgetMax: 1_500_000,
    cooperationModes: [TECH_SERVICE],
    deadline: '2027-04-30',
  }),

  // 海宁皓宇皮革
  need({
    n: 6,
    owner: 103,
    title: '服装革无铬鞣制工艺替代',
    description:
      '公司年加工羊皮约60万张，主要用于皮革服装。现用铬鞣工艺，车间排放口总铬约1.2 mg/L，新的排放要求是不超过0.5 mg/L，同时欧洲客户要求成品不含六价铬。希望引进成熟的无铬鞣制工艺：成革收缩温度不低于85℃，撕裂力不低于40 N，手感、丰满度接近铬鞣革，鞣制成本增加不超过15%。',
    industry: 'TEXTILE_LEATHER',
    keywords: ['无铬鞣', '服装革', '清洁生产', '六价铬'],
    budgetMin: 500_000,
    budgetMax: 2_000_000,
    cooperationModes: [TRANSFER, LICENSE],
    deadline: '2027-06-30',
    minTrl: 6,
  }),
  need({
    n: 7,
    owner: 103,
    title: '皮革服装裁剪伤残识别与智能排料',
    description:
      '整张羊皮形状不规则，表面有伤疤、虫眼、松面等伤残，目前由裁剪工目测排版，原料利用率约72%，熟练工培养周期2年以上。希望开发皮料伤残自动识别与智能排料系统：伤残识别准确率不低于95%，排料计算时间每张不超过30秒，利用率提高到80%以上，可对接现有数控裁床。',
    industry: 'TEXTILE_LEATHER',
    keywords: ['智能排料', '伤残识别', '机器视觉', '皮革裁剪'],
    budgetMin: 300_000,
    budgetMax: 700_000,
    cooperationModes: [JOINT_DEVELOPMENT, LICENSE],
    deadline: '2027-08-31',
  }),
  need({
    n: 8,
    owner: 103,
    title: '合成革涂饰工序溶剂替代与VOCs减排',
    description:
      '公司合成革生产线目前使用溶剂型聚氨酯涂饰剂，DMF和甲苯年用量约900吨，VOCs治理压力大。希望找到可直接替换的水性聚氨酯涂饰剂及配套干燥工艺，耐折牢度常温10万次不裂，耐水解7周合格，VOCs排放降低80%以上，产线改造投资不超过300万元。',
    industry: 'TEXTILE_LEATHER',
    keywords: ['水性聚氨酯', '合成革', 'VOCs', '涂饰剂'],
    budgetMin: 500_000,
    budgetMax: 3_000_000,
    cooperationModes: [TRANSFER, JOINT_DEVELOPMENT],
    deadline: '2027-10-31',
  }),

  // 海宁织梦家纺
  need({
    n: 9,
    owner: 104,
    title: '家纺面料耐久抗菌整理技术',
    description:
      '公司主营床品四件套和毛巾，年产量约800万套。现有抗菌整理产品洗涤20次后抑菌率降至70%以下，无法满足新国标AAA级要求。希望引进不含银离子、不含三氯生的耐久抗菌整理工艺：按GB/T 20944.3测试，50次水洗后对金黄色葡萄球菌和大肠杆菌抑菌率均不低于99%，对面料白度和手感影响小，每米加工成本增加不超过0.3元。',
    industry: 'TEXTILE_HOME',
    keywords: ['抗菌整理', '家纺面料', '耐水洗', '功能整理'],
    budgetMin: 200_000,
    budgetMax: 500_000,
    cooperationModes: [TRANSFER, LICENSE],
    deadline: '2027-03-31',
    minTrl: 7,
  }),
  need({
    n: 10,
    owner: 104,
    title: '床品活性染料数码印花工艺与墨水国产化',
    description:
      '公司有4台高速数码印花机，进口活性墨水单价约每公斤260元，印花成本偏高，且大面积深色存在渗化、色牢度不足的问题。希望开发国产活性染料数码喷墨印花墨水和配套预处理工艺：耐湿摩擦色牢度不低于3～4级，耐皂洗色牢度不低于4级，喷头堵孔率与进口墨水相当，墨水成本降低30%以上。',
    industry: 'TEXTILE_HOME',
    keywords: ['数码印花', '活性染料', '墨水', '色牢度'],
    budgetMin: 300_000,
    budgetMax: 800_000,
    cooperationModes: [JOINT_DEVELOPMENT, TRANSFER],
    deadline: '2027-06-30',
  }),
  need({
    n: 11,
    owner: 104,
    title: '涤纶窗帘布无卤阻燃整理',
    description:
      '酒店工程类窗帘订单要求达到GB 8624 B1级阻燃并通过欧盟REACH检测，目前使用含溴阻燃剂，手感发硬且出口受限。需要一种适用于涤纶及涤纶/粘胶混纺窗帘布的无卤阻燃整理工艺：极限氧指数不低于28%，经5次水洗后仍满足B1级，甲醛含量不超过75 mg/kg。',
    industry: 'TEXTILE_HOME',
    keywords: ['阻燃整理', '无卤阻燃', '窗帘布', '涤纶'],
    budgetMin: 150_000,
    budgetMax: 400_000,
    cooperationModes: [TRANSFER, TECH_SERVICE],
    deadline: '2027-05-31',
  }),
  need({
    n: 12,
    owner: 104,
    anonymous: true,
    title: '睡眠监测智能床垫用柔性压力传感织物',
    description:
      '我们计划开发一款可监测心率、呼吸和翻身的智能床垫，需要能织入床垫面料的柔性压力传感织物：单点灵敏度不低于0.5 kPa⁻¹，量程0～50 kPa，经过2万次循环压缩后信号漂移小于5%，可水洗或可拆洗，1.8 m床垫的传感层成本不高于400元。寻求有成熟样品的团队合作开发。',
    industry: 'TEXTILE_HOME',
    keywords: ['柔性传感', '智能床垫', '压力传感织物', '睡眠监测'],
    budgetMin: 500_000,
    budgetMax: 1_500_000,
    cooperationModes: [JOINT_DEVELOPMENT, EQUITY],
    deadline: '2027-12-31',
  }),

  // 海宁欣雅袜业
  need({
    n: 13,
    owner: 105,
    title: '袜子自动翻袜缝头一体化设备',
    description:
      '公司有电脑袜机320台，日产袜子约15万双。袜头缝合和翻袜仍是人工，每名工人每小时约300双，缝头工占一线工人的三分之一，招工越来越难。希望引进或联合开发袜机下机后自动翻袜、缝头一体化设备：每台每小时不少于900双，缝头平整、无漏缝，一次合格率不低于97%，可兼容船袜到中筒袜。',
    industry: 'TEXTILE_HOSIERY',
    keywords: ['袜机', '自动缝头', '翻袜', '机器换人'],
    budgetMin: 800_000,
    budgetMax: 2_500_000,
    cooperationModes: [TRANSFER, JOINT_DEVELOPMENT],
    deadline: '2027-06-30',
    minTrl: 6,
  }),
  need({
    n: 14,
    owner: 105,
    title: '运动袜吸湿速干与防臭功能纱线开发',
    description:
      '跑步袜客户要求袜底吸湿速干、长时间穿着不闷脚并能抑制异味。现用普通涤纶和棉混纺，芯吸高度只有80 mm左右，30分钟蒸发率不足50%。希望开发或引进功能纱线：芯吸高度不低于130 mm，蒸发速率不低于0.25 g/h，20次洗涤后抑菌率不低于90%，纱线价格上涨不超过20%。',
    industry: 'TEXTILE_HOSIERY',
    keywords: ['吸湿速干', '功能纱线', '运动袜', '抑菌'],
    budgetMin: 100_000,
    budgetMax: 300_000,
    cooperationModes: [TRANSFER, JOINT_DEVELOPMENT],
    deadline: '2027-04-30',
  }),
  need({
    n: 15,
    owner: 105,
    title: '袜品外观疵点视觉检测与自动分拣',
    description:
      '袜子定型后由人工逐只检验破洞、漏针、色差和长短不一，每人每天约检6000只，漏检率约3%。希望在定型后工位加装视觉检测与分拣装置：检测节拍不低于每秒2只，破洞、漏针检出率不低于98%，尺寸测量误差不超过3 mm，不合格品自动剔除并按缺陷类型计数，检测数据可按批次追溯，便于反馈给织袜车间调整工艺。',
    industry: 'TEXTILE_HOSIERY',
    keywords: ['视觉检测', '袜子疵点', '自动分拣', '质量检验'],
    budgetMin: 200_000,
    budgetMax: 600_000,
    cooperationModes: [JOINT_DEVELOPMENT, TECH_SERVICE],
    deadline: '2027-07-31',
  }),

  // 嘉兴禾创服饰
  need({
    n: 16,
    owner: 106,
    title: '服装小单快反柔性生产线改造',
    description:
      '公司以女装代工为主，订单越来越碎，平均每单300件、交期10天。现有流水线换款要停线半天，工序不平衡导致在制品堆积。希望引进服装智能吊挂系统和工序平衡优化软件，实现3000件以内订单的混流生产：换款时间不超过30分钟，生产周期由15天缩短到8天以内，人均效率提高20%。',
    industry: 'TEXTILE_APPAREL',
    keywords: ['吊挂系统', '柔性生产', '工序平衡', '小单快反'],
    budgetMin: 600_000,
    budgetMax: 1_800_000,
    cooperationModes: [TRANSFER, TECH_SERVICE],
    deadline: '2027-05-31',
    minTrl: 8,
  }),
  need({
    n: 17,
    owner: 106,
    title: '线上定制服装的手机三维量体技术',
    description:
      '公司正在做衬衫和西装的线上定制，客户自己量尺寸误差大，返修率约18%。希望引进用手机拍照即可获得人体尺寸的三维量体技术：胸围、腰围、臀围测量误差不超过1.5 cm，肩宽、袖长误差不超过1 cm，单次测量时间不超过2分钟，提供可嵌入小程序的接口。',
    industry: 'TEXTILE_APPAREL',
    keywords: ['三维人体测量', '服装定制', '手机量体', '人体尺寸'],
    budgetMin: 200_000,
    budgetMax: 500_000,
    cooperationModes: [LICENSE, TECH_SERVICE],
    deadline: '2027-03-31',
  }),
  need({
    n: 18,
    owner: 106,
    title: '废旧涤棉服装高值化回收利用',
    description:
      '公司每年产生裁剪边角料和退货库存服装约1200吨，大部分为涤棉混纺，目前只能低价卖作填充料。希望找到涤棉混纺废旧纺织品的分离回收技术：涤纶回收率不低于90%、再生切片特性粘度不低于0.62 dL/g，棉组分可制成纤维素产品，吨处理成本不超过2500元，可与园区合作建设示范线。',
    industry: 'ENERGY_SAVING_RECYCLING',
    keywords: ['废旧纺织品', '涤棉分离', '化学回收', '再生涤纶'],
    budgetMin: 1_000_000,
    budgetMax: 5_000_000,
    cooperationModes: [JOINT_DEVELOPMENT, EQUITY],
    deadline: '2027-12-31',
  }),

  // 海宁晶澜光伏
  need({
    n: 19,
    owner: 107,
    title: '钙钛矿/晶硅叠层电池中试开发',
    description:
      '公司现有TOPCon电池量产线产能5 GW，量产平均效率25.8%，接近该技术路线的极限。计划建设一条钙钛矿/晶硅叠层电池中试线，寻求有叠层器件和大面积制备经验的团队合作：中试电池效率不低于30%（M10尺寸），85℃/85%RH湿热1000小时后效率保持率不低于90%，并形成可放大的工艺包。',
    industry: 'NEW_ENERGY_PV',
    keywords: ['钙钛矿', '叠层电池', '中试线', '晶硅电池'],
    budgetMin: 2_000_000,
    budgetMax: 5_000_000,
    cooperationModes: [JOINT_DEVELOPMENT, EQUITY],
    deadline: '2027-12-31',
  }),
  need({
    n: 20,
    owner: 107,
    title: '光伏电池隐裂与断栅EL在线检测',
    description:
      '电池片产线节拍每小时7200片，现有EL检测依靠规则算法加人工复判，误判率约5%，隐裂、断栅、黑芯和虚焊的分类不准，复判需要6名工人。希望引进基于深度学习的光伏电池EL缺陷检测系统：缺陷检出率不低于99%，误判率不高于1%，单片处理时间小于0.5秒，可接入现有MES。',
    industry: 'NEW_ENERGY_PV',
    keywords: ['光伏电池', 'EL检测', '隐裂', '缺陷检测'],
    budgetMin: 300_000,
    budgetMax: 800_000,
    cooperationModes: [LICENSE, JOINT_DEVELOPMENT],
    deadline: '2027-06-30',
    minTrl: 7,
  }),
  need({
    n: 21,
    owner: 107,
    title: 'TOPCon电池降低银浆耗量的金属化方案',
    description:
      '银浆已占电池非硅成本的一半以上，我司TOPCon电池双面银耗约100 mg/片。希望在不降低效率的前提下把银耗降到70 mg/片以下，可选路线包括细栅线印刷、银包铜浆料或铜电镀，要求电池效率损失不超过0.1个百分点，组件经TC200和DH1000可靠性测试合格，方案可在现有产线上改造实施。',
    industry: 'NEW_ENERGY_PV',
    keywords: ['TOPCon', '降银', '金属化', '铜电镀'],
    budgetMin: 1_000_000,
    budgetMax: 3_000_000,
    cooperationModes: [LICENSE, JOINT_DEVELOPMENT],
    deadline: '2027-09-30',
  }),
  need({
    n: 22,
    owner: 108,
    title: '退役光伏组件拆解与银硅回收',
    description:
      '预计到2030年我司及客户电站每年退役光伏组件约2万吨。希望引进环保、经济的退役组件回收技术：铝框和接线盒自动拆除，玻璃完整剥离率不低于90%，硅回收率不低于90%，银回收率不低于95%，处理过程不产生含氟废气，单条线年处理能力不低于5000吨。',
    industry: 'ENERGY_SAVING_RECYCLING',
    keywords: ['光伏组件回收', '退役组件', '银回收', '硅回收'],
    budgetMin: 1_000_000,
    budgetMax: 4_000_000,
    cooperationModes: [TRANSFER, JOINT_DEVELOPMENT],
    deadline: '2027-10-31',
  }),
  need({
    n: 23,
    owner: 108,
    title: '钙钛矿组件封装与湿热稳定性提升',
    description:
      '公司试制的钙钛矿单结组件（尺寸1200 mm×600 mm）初始效率约17%，但经过85℃/85%RH湿热500小时后效率衰减超过20%，主要问题是水汽渗入和边缘封装失效。需要低温可加工的封装材料和边缘密封工艺：湿热1000小时后效率衰减不超过5%，封装温度不超过110℃。',
    industry: 'NEW_ENERGY_PV',
    keywords: ['钙钛矿组件', '封装', '湿热稳定性', '阻水'],
    budgetMin: 500_000,
    budgetMax: 1_500_000,
    cooperationModes: [JOINT_DEVELOPMENT],
    deadline: '2027-08-31',
  }),
  need({
    n: 24,
    owner: 107,
    anonymous: true,
    title: '工业园区分布式光伏与储能能量管理系统',
    description:
      '园区屋顶分布式光伏装机12 MW，配套储能5 MW/10 MWh，另有充电桩80个。目前光伏、储能、充电各自独立运行，光伏自用率约70%，需量电费偏高。希望建设光储充一体化能量管理系统：光伏自发自用率提高到90%以上，年节省电费不少于150万元，支持参与需求响应。',
    industry: 'NEW_ENERGY_SMART_GRID',
    keywords: ['光储充', '能量管理', '分布式光伏', '储能'],
    budgetMin: 800_000,
    budgetMax: 2_000_000,
    cooperationModes: [TECH_SERVICE, JOINT_DEVELOPMENT],
    deadline: '2027-06-30',
  }),
  need({
    n: 25,
    owner: 108,
    title: '太阳能电池组件抗PID封装胶膜国产替代',
    description:
      '双面双玻组件用POE胶膜目前主要依赖进口粒子，价格波动大。希望开发抗PID性能良好的国产POE或EPE共挤封装胶膜：体积电阻率不低于1×10¹⁵ Ω·cm，PID测试96小时功率衰减小于2%，透光率不低于91%，与玻璃剥离强度不低于60 N/cm，成本较进口方案低15%。',
    industry: 'NEW_MATERIAL_POLYMER',
    keywords: ['封装胶膜', 'POE', '抗PID', '太阳能电池组件'],
    budgetMin: 500_000,
    budgetMax: 2_000_000,
    cooperationModes: [LICENSE, JOINT_DEVELOPMENT],
    deadline: '2027-09-30',
  }),

  // 海宁储源新能源
  need({
    n: 26,
    owner: 109,
    title: '储能锂电池SOC/SOH高精度估计算法',
    description:
      '公司生产工商业储能柜（215 kWh/台），电芯为280 Ah磷酸铁锂。现有BMS的SOC估计在平台区误差常超过5%，导致频繁校准和可用容量浪费；SOH只能按循环次数粗估。希望引进SOC/SOH估计算法：全温区（-10～45℃）SOC误差不超过3%，SOH误差不超过3%，可在现有BMS主控芯片上运行。',
    industry: 'NEW_ENERGY_BATTERY',
    keywords: ['SOC估计', '电池管理系统', '储能', '磷酸铁锂'],
    budgetMin: 300_000,
    budgetMax: 800_000,
    cooperationModes: [LICENSE, JOINT_DEVELOPMENT],
    deadline: '2027-04-30',
    minTrl: 6,
  }),
  need({
    n: 27,
    owner: 109,
    title: '高安全锂电池固态电解质技术',
    description:
      '客户对户用储能的安全要求不断提高，公司计划开发半固态/固态锂电池产品。寻求可量产的固态电解质技术：室温离子电导率不低于1 mS/cm，与现有涂布、叠片产线兼容，10 Ah以上软包电池通过针刺、过充、热箱150℃测试不起火，循环1000次容量保持率不低于85%。',
    industry: 'NEW_ENERGY_BATTERY',
    keywords: ['固态电解质', '固态电池', '电池安全', '锂电'],
    budgetMin: 1_000_000,
    budgetMax: 5_000_000,
    cooperationModes: [LICENSE, EQUITY, JOINT_DEVELOPMENT],
    deadline: '2027-12-31',
  }),
  need({
    n: 28,
    owner: 109,
    title: '钠离子电池正极材料中试合作',
    description:
      '公司计划在低速车和储能领域布局钠离子电池，需要正极材料技术：可逆比容量不低于140 mAh/g，1C循环2000次容量保持率不低于85%，原料不含镍钴，材料成本低于每吨6万元，工艺可在现有锂电正极设备上改造实现。希望以技术许可或作价入股方式合作，共建百吨级中试线。',
    industry: 'NEW_ENERGY_BATTERY',
    keywords: ['钠离子电池', '正极材料', '普鲁士白', '中试'],
    budgetMin: 1_000_000,
    budgetMax: 3_000_000,
    cooperationModes: [LICENSE, EQUITY],
    deadline: '2027-10-31',
  }),
  need({
    n: 29,
    owner: 109,
    title: '储能电池簇液冷热管理优化',
    description:
      '储能柜采用液冷方案，满功率0.5C充放电时电池簇内最大温差达到7℃，影响寿命一致性。希望优化液冷板流道和系统控制策略：最大温差控制在3℃以内，泵功耗降低20%，冷板重量不增加，并提供CFD仿真模型和试验验证。方案需兼容现有冷水机组和管路接口，改造可在年度检修窗口内完成，单柜改造费用不超过1.5万元。',
    industry: 'NEW_ENERGY_BATTERY',
    keywords: ['液冷', '热管理', '储能电池', '温差'],
    budgetMin: 200_000,
    budgetMax: 500_000,
    cooperationModes: [TECH_SERVICE, JOINT_DEVELOPMENT],
    deadline: '2027-03-31',
  }),

  // 海宁芯途半导体
  need({
    n: 30,
    owner: 110,
    title: '1200V碳化硅MOSFET栅氧可靠性提升',
    description:
      '公司1200 V SiC MOSFET产品在高温栅偏（HTGB，175℃，+20 V/1000 h）测试中阈值电压漂移约0.5 V，车规客户要求不超过0.2 V；同时沟道迁移率偏低，比导通电阻约4 mΩ·cm²。希望在栅氧生长、氮化退火等工艺上合作攻关，达到车规AEC-Q101要求。',
    industry: 'SEMICONDUCTOR_POWER_DEVICE',
    keywords: ['碳化硅', 'MOSFET', '栅氧可靠性', '阈值漂移'],
    budgetMin: 1_000_000,
    budgetMax: 3_000_000,
    cooperationModes: [JOINT_DEVELOPMENT, LICENSE],
    deadline: '2027-09-30',
  }),
  need({
    n: 31,
    owner: 110,
    title: '晶圆表面颗粒缺陷光学检测设备',
    description:
      '公司开展12英寸再生晶圆业务，需要对抛光后晶圆做全表面颗粒缺陷检测，进口设备价格超过1500万元且交期长。寻求国产化的晶圆表面缺陷检测技术：可检出粒径不大于65 nm的颗粒，每小时不少于30片，缺陷坐标定位精度不超过20 μm，能输出缺陷分布图与分级结果。',
    industry: 'SEMICONDUCTOR_EQUIPMENT',
    keywords: ['晶圆检测', '表面缺陷', '颗粒检测', '光学检测'],
    budgetMin: 2_000_000,
    budgetMax: 5_000_000,
    cooperationModes: [JOINT_DEVELOPMENT, TRANSFER],
    deadline: '2027-12-31',
  }),
  need({
    n: 32,
    owner: 110,
    title: '电子级双氧水与硫酸纯化工艺',
    description:
      '晶圆清洗用电子级双氧水和硫酸年用量约3000吨，全部外购。公司计划与本地化工企业合作建设纯化装置，需要成熟的纯化工艺：金属杂质单项不超过10 ppt，颗粒（≥0.05 μm）不超过100个/mL，达到SEMI G5等级，并提供痕量分析方法。',
    industry: 'SEMICONDUCTOR_MATERIAL',
    keywords: ['湿电子化学品', '电子级双氧水', '纯化', 'SEMI G5'],
    budgetMin: 1_000_000,
    budgetMax: 4_000_000,
    cooperationModes: [TRANSFER, LICENSE],
    deadline: '2027-11-30',
  }),
  need({
    n: 33,
    owner: 110,
    title: '功率模块封装散热与功率循环寿命提升',
    description:
      '公司SiC功率模块采用焊料贴片，结到壳热阻约0.25 K/W，功率循环（ΔTj=100 K）寿命约3万次，达不到新能源汽车主驱要求。希望采用银烧结或其他先进互连技术，热阻降低25%以上，功率循环寿命提高到10万次以上，并建立翘曲与热应力仿真模型指导设计。',
    industry: 'SEMICONDUCTOR_IC',
    keywords: ['功率模块', '银烧结', '封装散热', '功率循环'],
    budgetMin: 500_000,
    budgetMax: 1_500_000,
    cooperationModes: [JOINT_DEVELOPMENT, LICENSE],
    deadline: '2027-08-31',
  }),
  need({
    n: 34,
    owner: 110,
    anonymous: true,
    title: '半导体设备腔体零部件精密清洗再生',
    description:
      '刻蚀和CVD设备的腔体零部件（石英件、陶瓷件、阳极氧化铝件）需要定期清洗再生，目前送到外地，周期约3周，年费用超过800万元。希望在本地建设零部件清洗再生能力：清洗后表面金属污染不超过1×10¹⁰ atoms/cm²，颗粒达到设备厂要求，周期缩短到5天以内。',
    industry: 'SEMICONDUCTOR_EQUIPMENT',
    keywords: ['零部件清洗', '半导体设备', '腔体', '再生'],
    budgetMin: 500_000,
    budgetMax: 2_000_000,
    cooperationModes: [TECH_SERVICE, TRANSFER],
    deadline: '2027-07-31',
  }),

  // 海宁精锐智能装备
  need({
    n: 35,
    owner: 111,
    title: '高速经编机电子横移伺服控制系统',
    description:
      '公司生产多梳栉经编机，梳栉横移目前用花盘凸轮或进口电子横移系统，进口系统单台成本约8万元。希望开发国产电子梳栉横移伺服控制系统：机速2000 r/min下横移定位误差不超过±0.02 mm，单针距横移响应时间不超过8 ms，支持最多6把梳栉，成本不高于进口的60%。',
    industry: 'EQUIPMENT_TEXTILE_MACHINERY',
    keywords: ['经编机', '电子横移', '伺服控制', '梳栉'],
    budgetMin: 500_000,
    budgetMax: 1_500_000,
    cooperationModes: [JOINT_DEVELOPMENT, TRANSFER],
    deadline: '2027-06-30',
    minTrl: 5,
  }),
  need({
    n: 36,
    owner: 111,
    title: '加工中心主轴热误差补偿',
    description:
      '公司自产的立式加工中心用于加工经编机槽针床等精密零件，连续运行4小时后Z向热伸长达到25 μm，导致批量零件尺寸超差，只能频繁停机对刀。希望引进热误差建模与实时补偿技术：温度测点不超过6个，补偿后热误差不超过8 μm，可在国产数控系统上实施。',
    industry: 'EQUIPMENT_MACHINE_TOOL',
    keywords: ['数控机床', '热误差补偿', '加工中心', '精度'],
    budgetMin: 200_000,
    budgetMax: 500_000,
    cooperationModes: [LICENSE, TECH_SERVICE],
    deadline: '2027-03-31',
  }),
  need({
    n: 37,
    owner: 111,
    title: '纺机主轴轴承状态监测与预测性维护',
    description:
      '公司为客户提供经编机整机维保服务，主轴轴承突发损坏导致平均停机36小时。希望开发轴承振动在线监测与故障预警系统：提前48小时以上预警，诊断准确率不低于90%，传感器无线安装、电池寿命不少于2年，单台硬件成本不超过2000元，数据接入公司的设备云平台。',
    industry: 'EQUIPMENT_TRANSMISSION',
    keywords: ['轴承', '故障诊断', '预测性维护', '振动监测'],
    budgetMin: 300_000,
    budgetMax: 700_000,
    cooperationModes: [JOINT_DEVELOPMENT, LICENSE],
    deadline: '2027-05-31',
  }),
  need({
    n: 38,
    owner: 111,
    title: '机器人视觉引导的盘头自动上下料',
    description:
      '经编盘头（直径762 mm、重约120 kg）和小零件上下料依赖人工和行车，效率低且有安全隐患。希望开发机器人三维视觉引导上下料工作站：对随意摆放工件的识别定位精度不超过±0.5 mm，单次抓取节拍不超过15秒，兼容至少5种工件，能与AGV对接。',
    industry: 'EQUIPMENT_ROBOTICS',
    keywords: ['工业机器人', '三维视觉', '上下料', '无序抓取'],
    budgetMin: 400_000,
    budgetMax: 1_000_000,
    cooperationModes: [JOINT_DEVELOPMENT, TECH_SERVICE],
    deadline: '2027-08-31',
  }),

  // 平湖拓材新材料
  need({
    n: 39,
    owner: 112,
    title: '超高分子量聚乙烯纤维强度提升',
    description:
      '公司UHMWPE纤维年产能1500吨，产品断裂强度约32 cN/dtex，主要用于绳缆和手套。为进入防弹和高端绳缆市场，需要把断裂强度提高到38 cN/dtex以上、模量提高到1400 cN/dtex以上，同时单线产能不下降、溶剂回收率不低于99%。希望与高校合作优化纺丝和超倍拉伸工艺。',
    industry: 'NEW_MATERIAL_FIBER',
    keywords: ['超高分子量聚乙烯纤维', '凝胶纺丝', '断裂强度', '超倍拉伸'],
    budgetMin: 800_000,
    budgetMax: 2_000_000,
    cooperationModes: [JOINT_DEVELOPMENT, LICENSE],
    deadline: '2027-09-30',
  }),
  need({
    n: 40,
    owner: 112,
    title: '热塑性碳纤维复合材料快速成型工艺',
    description:
      '公司计划进入无人机机臂和汽车轻量化结构件市场，现有热固性碳纤维预浸料热压罐工艺单件成型需2小时，成本高。希望引进热塑性碳纤维复合材料快速模压成型技术：成型周期不超过5分钟，拉伸强度不低于1200 MPa，孔隙率不超过2%，边角料可回收再利用。',
    industry: 'NEW_MATERIAL_COMPOSITE',
    keywords: ['碳纤维复合材料', '热塑性', '快速模压', '轻量化'],
    budgetMin: 1_000_000,
    budgetMax: 3_000_000,
    cooperationModes: [LICENSE, JOINT_DEVELOPMENT, EQUITY],
    deadline: '2027-10-31',
  }),
  need({
    n: 41,
    owner: 112,
    title: '全生物降解购物袋薄膜增韧',
    description:
      '公司生产PLA/PBAT全生物降解购物袋和快递袋，PLA含量提高到40%以上时薄膜变脆，断裂伸长率低于50%，落镖冲击不合格。希望提供增容增韧配方及吹膜工艺：PLA含量不低于40%，纵横向断裂伸长率不低于250%，符合GB/T 38082，原料成本不高于现有配方。',
    industry: 'NEW_MATERIAL_POLYMER',
    keywords: ['生物降解', 'PLA', '薄膜增韧', 'PBAT'],
    budgetMin: 200_000,
    budgetMax: 600_000,
    cooperationModes: [TRANSFER, LICENSE],
    deadline: '2027-04-30',
  }),

  // 海宁康衡医疗器械
  need({
    n: 42,
    owner: 113,
    title: '高吸液海藻酸盐医用敷料',
    description:
      '公司现有纱布、无纺布敷料产品附加值低，计划开发用于慢性伤口的海藻酸盐敷料。需要成熟的纤维制备和非织造成型技术：吸液量不低于自重15倍，湿态强度满足整片移除不残留，按GB/T 16886完成生物相容性评价，支持按二类医疗器械注册。公司已有十万级洁净车间和环氧乙烷灭菌条件，希望技术方协助完成注册检验和临床评价资料。',
    industry: 'LIFE_HEALTH_MEDICAL_DEVICE',
    keywords: ['医用敷料', '海藻酸盐', '慢性伤口', '医疗器械'],
    budgetMin: 500_000,
    budgetMax: 1_500_000,
    cooperationModes: [TRANSFER, JOINT_DEVELOPMENT],
    deadline: '2027-06-30',
    minTrl: 6,
  }),
  need({
    n: 43,
    owner: 113,
    title: '心肌标志物POCT荧光定量检测平台',
    description:
      '公司拟进入体外诊断领域，首个产品为基层医院胸痛中心使用的心肌标志物即时检测产品。需要荧光免疫层析试剂与配套读数仪技术：cTnI检测下限不高于0.02 ng/mL，15分钟内出结果，批间CV不超过10%，与化学发光方法相关系数不低于0.95。',
    industry: 'LIFE_HEALTH_DIAGNOSTICS',
    keywords: ['POCT', '荧光免疫层析', '心肌标志物', '体外诊断'],
    budgetMin: 1_000_000,
    budgetMax: 3_000_000,
    cooperationModes: [TRANSFER, EQUITY],
    deadline: '2027-12-31',
  }),
  need({
    n: 44,
    owner: 113,
    title: '可穿戴心电监测衣用织物电极',
    description:
      '公司计划开发居家心电监测背心，需要可替代一次性凝胶电极的织物干电极：皮肤—电极接触阻抗（10 Hz）不超过200 kΩ，运动状态下心电信号可识别率不低于95%，可水洗50次，连续佩戴24小时无皮肤刺激。电极需能与公司现有的针织背心一体成型，单套材料成本不超过60元，并协助完成电气安全和电磁兼容检测。',
    industry: 'LIFE_HEALTH_MEDICAL_DEVICE',
    keywords: ['织物电极', '可穿戴', '心电监测', '柔性电子'],
    budgetMin: 300_000,
    budgetMax: 900_000,
    cooperationModes: [JOINT_DEVELOPMENT, LICENSE],
    deadline: '2027-07-31',
  }),

  // 海宁天舸航空部件
  need({
    n: 45,
    owner: 114,
    title: '碳纤维复合材料/钛合金叠层低损伤制孔',
    description:
      '公司为主机厂加工机身壁板组件，需要在碳纤维复合材料/钛合金叠层结构上钻制直径6.35 mm的紧固件孔，现用工艺出口分层严重，孔径公差难保证，每把刀具只能加工约40个孔。希望引进低损伤制孔技术：分层因子不超过1.15，孔径公差H8，刀具寿命提高2倍以上。',
    industry: 'AEROSPACE_PARTS',
    keywords: ['复合材料制孔', '叠层结构', '分层', '航空装配'],
    budgetMin: 500_000,
    budgetMax: 1_500_000,
    cooperationModes: [TECH_SERVICE, LICENSE],
    deadline: '2027-06-30',
  }),
  need({
    n: 46,
    owner: 114,
    title: '航空复合材料构件超声相控阵自动检测',
    description:
      '复合材料构件出厂前必须百分之百无损检测，目前用手动超声探伤，一块2 m×1 m的壁板需要检测4小时，对检测人员资质依赖大。希望建设超声相控阵自动检测系统：可检出直径不小于3 mm的分层和孔隙缺陷，检测效率提高3倍以上，自动生成C扫描图像与检测报告。',
    industry: 'AEROSPACE_PARTS',
    keywords: ['无损检测', '超声相控阵', '复合材料', 'C扫描'],
    budgetMin: 800_000,
    budgetMax: 2_000_000,
    cooperationModes: [JOINT_DEVELOPMENT, TRANSFER],
    deadline: '2027-09-30',
  }),
  need({
    n: 47,
    owner: 114,
    title: '钛合金航空零件激光增材修复',
    description:
      '钛合金结构件加工中的局部超差和磨损报废率约3%，单件价值2万～15万元。希望引进激光增材修复技术并取得主机厂认可：修复区抗拉强度不低于锻件的90%，无气孔裂纹（X射线检测合格），热影响区变形不超过0.1 mm，修复周期不超过3天。希望技术方提供修复工艺规范、质量检验方法和典型零件的力学性能试验数据，协助申请主机厂工艺认证。',
    industry: 'EQUIPMENT_ADDITIVE',
    keywords: ['增材修复', '钛合金', '激光熔覆', '再制造'],
    budgetMin: 500_000,
    budgetMax: 1_500_000,
    cooperationModes: [LICENSE, TECH_SERVICE],
    deadline: '2027-10-31',
  }),

  // 桐乡绿源环保
  need({
    n: 48,
    owner: 115,
    title: '印染废水COD深度处理与中水回用',
    description:
      '公司为桐乡、海宁印染园区运营污水处理厂，设计规模3万吨/日，生化出水COD约150 mg/L，新标准要求不超过80 mg/L，同时园区要求回用率达到50%。希望引进深度处理和回用技术：出水COD稳定低于60 mg/L，吨水新增运行成本不超过1.2元，回用水满足印染工艺用水要求。',
    industry: 'ENERGY_SAVING_WATER',
    keywords: ['印染废水', '深度处理', '中水回用', '臭氧催化氧化'],
    budgetMin: 1_000_000,
    budgetMax: 5_000_000,
    cooperationModes: [TRANSFER, TECH_SERVICE],
    deadline: '2027-06-30',
    minTrl: 7,
  }),
  need({
    n: 49,
    owner: 115,
    title: '印染定型机废气余热回收与油烟净化',
    description:
      '园区企业共有定型机86台，废气温度160～180℃，含油烟和VOCs，目前只经过水喷淋，热量直接排放，异味投诉多。希望推广余热回收与净化一体化装置：热量回收率不低于35%，出口油烟浓度不超过15 mg/m³，非甲烷总烃去除率不低于80%，单台投资回收期不超过2年。',
    industry: 'ENERGY_SAVING_AIR',
    keywords: ['定型机', '余热回收', '油烟净化', 'VOCs'],
    budgetMin: 500_000,
    budgetMax: 2_000_000,
    cooperationModes: [TRANSFER, TECH_SERVICE],
    deadline: '2027-05-31',
  }),
  need({
    n: 50,
    owner: 115,
    anonymous: true,
    title: '印染污泥减量与资源化处置',
    description:
      '印染污泥（含水率约80%）产生量约每天120吨，外运焚烧处置费每吨约700元，年处置费超过3000万元。希望引进污泥深度脱水与减量技术：含水率降到40%以下，干化能耗不超过每吨水800 kWh，干化后污泥可作为燃料或建材原料利用，项目投资回收期不超过4年。',
    industry: 'ENERGY_SAVING_RECYCLING',
    keywords: ['污泥减量', '污泥干化', '资源化', '印染污泥'],
    budgetMin: 1_000_000,
    budgetMax: 5_000_000,
    cooperationModes: [TECH_SERVICE, TRANSFER],
    deadline: '2027-11-30',
  }),
];
