import { accountId, organizationId } from './ids';
import { DemoAccount, DemoContact, DemoOrganization, DemoRole } from './types';

/**
 * Demo organisations. Enterprises and broker agencies are fictional; universities and institutes
 * are real, but every credit code here is synthetic (valid check characters, assigned to no one).
 */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  // Enterprises (海宁 / 嘉兴)
  { id: organizationId(1), name: '海宁恒锦经编有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2T2N7PXD', verified: true },
  { id: organizationId(2), name: '海宁皓宇皮革制品有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2E6RK07B', verified: true },
  { id: organizationId(3), name: '海宁织梦家纺有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2YC8MJ4W', verified: true },
  { id: organizationId(4), name: '海宁欣雅袜业有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2YE06T3J', verified: true },
  { id: organizationId(5), name: '嘉兴禾创服饰有限公司', type: 'ENTERPRISE', regionCode: '330411', creditCode: '91330411MA2MN3QXXC', verified: true },
  { id: organizationId(6), name: '海宁晶澜光伏科技有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2W40A21P', verified: true },
  { id: organizationId(7), name: '海宁储源新能源科技有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA20QMUR4K', verified: true },
  { id: organizationId(8), name: '海宁芯途半导体有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2URRCB5D', verified: true },
  { id: organizationId(9), name: '海宁精锐智能装备有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA20KBJ51K', verified: true },
  { id: organizationId(10), name: '平湖拓材新材料有限公司', type: 'ENTERPRISE', regionCode: '330482', creditCode: '91330482MA252GH59J', verified: true },
  { id: organizationId(11), name: '海宁康衡医疗器械有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2PY0Q8XG', verified: true },
  { id: organizationId(12), name: '海宁天舸航空部件有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2RTCYE7H', verified: true },
  { id: organizationId(13), name: '桐乡绿源环保科技有限公司', type: 'ENTERPRISE', regionCode: '330483', creditCode: '91330483MA2A85AHXF', verified: true },
  // Registered but not yet verified: the administrator's verification queue has something in it.
  { id: organizationId(14), name: '海宁数织信息科技有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: '91330481MA2Q3H2D6X', verified: false },

  // Universities and institutes
  { id: organizationId(15), name: '浙江大学', type: 'UNIVERSITY', regionCode: '330106', creditCode: '12100000220242263P', verified: true },
  { id: organizationId(16), name: '浙江理工大学', type: 'UNIVERSITY', regionCode: '330114', creditCode: '12330000626624069L', verified: true },
  { id: organizationId(17), name: '嘉兴大学', type: 'UNIVERSITY', regionCode: '330402', creditCode: '12330000628808021N', verified: true },
  { id: organizationId(18), name: '中国计量大学', type: 'UNIVERSITY', regionCode: '330114', creditCode: '12330000266262649M', verified: true },
  { id: organizationId(19), name: '浙江工业大学', type: 'UNIVERSITY', regionCode: '330105', creditCode: '12330000828000086L', verified: true },
  { id: organizationId(20), name: '东华大学', type: 'UNIVERSITY', regionCode: '310117', creditCode: '121000006060062479', verified: true },
  { id: organizationId(21), name: '中国科学院宁波材料技术与工程研究所', type: 'INSTITUTE', regionCode: '330211', creditCode: '12100000880424687H', verified: true },
  { id: organizationId(22), name: '浙江清华长三角研究院', type: 'INSTITUTE', regionCode: '330402', creditCode: '12330000220862665D', verified: true },
  { id: organizationId(23), name: '南京航空航天大学', type: 'UNIVERSITY', regionCode: '320100', creditCode: '1210000026064024XA', verified: true },
  { id: organizationId(24), name: '陕西科技大学', type: 'UNIVERSITY', regionCode: '610100', creditCode: '12610000686246485W', verified: true },

  // Broker agencies
  { id: organizationId(25), name: '海宁潮城技术转移服务有限公司', type: 'BROKER_AGENCY', regionCode: '330481', creditCode: '91330481MA248YMY9M', verified: true },
  { id: organizationId(26), name: '嘉兴科联技术经纪有限公司', type: 'BROKER_AGENCY', regionCode: '330402', creditCode: '91330402MA22MLUK4N', verified: true },
];

interface Person {
  n: number;
  name: string;
  email: string;
  role: DemoRole;
  org: number | null;
  phone: string;
}

const domain = 'demo.techbridge.cn';

const PEOPLE: readonly Person[] = [
  { n: 1, name: '海宁市科技局管理员', email: 'admin', role: 'ADMIN', org: null, phone: '0573-87000001' },

  // Enterprise members
  { n: 101, name: '沈国平', email: 'hengjin.shen', role: 'ENTERPRISE', org: 1, phone: '0573-87251018' },
  { n: 102, name: '陆晓燕', email: 'hengjin.lu', role: 'ENTERPRISE', org: 1, phone: '0573-87251026' },
  { n: 103, name: '周建华', email: 'haoyu.zhou', role: 'ENTERPRISE', org: 2, phone: '0573-87362205' },
  { n: 104, name: '钱丽娟', email: 'zhimeng.qian', role: 'ENTERPRISE', org: 3, phone: '0573-87418830' },
  { n: 105, name: '许志强', email: 'xinya.xu', role: 'ENTERPRISE', org: 4, phone: '0573-87520617' },
  { n: 106, name: '蒋文静', email: 'hechuang.jiang', role: 'ENTERPRISE', org: 5, phone: '0573-82296041' },
  { n: 107, name: '顾晨阳', email: 'jinglan.gu', role: 'ENTERPRISE', org: 6, phone: '0573-87693312' },
  { n: 108, name: '王可欣', email: 'jinglan.wang', role: 'ENTERPRISE', org: 6, phone: '0573-87693325' },
  { n: 109, name: '朱海涛', email: 'chuyuan.zhu', role: 'ENTERPRISE', org: 7, phone: '0573-87705519' },
  { n: 110, name: '吴思远', email: 'xintu.wu', role: 'ENTERPRISE', org: 8, phone: '0573-87816602' },
  { n: 111, name: '张立新', email: 'jingrui.zhang', role: 'ENTERPRISE', org: 9, phone: '0573-87927743' },
  { n: 112, name: '褚振宇', email: 'tuocai.chu', role: 'ENTERPRISE', org: 10, phone: '0573-85128867' },
  { n: 113, name: '金雅琴', email: 'kangheng.jin', role: 'ENTERPRISE', org: 11, phone: '0573-87033458' },
  { n: 114, name: '马俊峰', email: 'tiange.ma', role: 'ENTERPRISE', org: 12, phone: '0573-87145290' },
  { n: 115, name: '姚建明', email: 'lvyuan.yao', role: 'ENTERPRISE', org: 13, phone: '0573-88256731' },
  { n: 116, name: '查一帆', email: 'shuzhi.zha', role: 'ENTERPRISE', org: 14, phone: '0573-87367184' },

  // Researchers (one per expert profile, in the order of DEMO_EXPERTS)
  { n: 201, name: '林慧敏', email: 'lin.huimin', role: 'RESEARCHER', org: 16, phone: '0571-86843201' },
  { n: 202, name: '丁卫东', email: 'ding.weidong', role: 'RESEARCHER', org: 16, phone: '0571-86843215' },
  { n: 203, name: '宋雨桐', email: 'song.yutong', role: 'RESEARCHER', org: 20, phone: '021-67792403' },
  { n: 204, name: '赵启明', email: 'zhao.qiming', role: 'RESEARCHER', org: 20, phone: '021-67792418' },
  { n: 205, name: '韩文博', email: 'han.wenbo', role: 'RESEARCHER', org: 24, phone: '029-86168305' },
  { n: 206, name: '徐静怡', email: 'xu.jingyi', role: 'RESEARCHER', org: 17, phone: '0573-83643206' },
  { n: 207, name: '高远航', email: 'gao.yuanhang', role: 'RESEARCHER', org: 16, phone: '0571-86843227' },
  { n: 208, name: '何致远', email: 'he.zhiyuan', role: 'RESEARCHER', org: 15, phone: '0571-87951208' },
  { n: 209, name: '冯书涵', email: 'feng.shuhan', role: 'RESEARCHER', org: 21, phone: '0574-86685209' },
  { n: 210, name: '孙立群', email: 'sun.liqun', role: 'RESEARCHER', org: 19, phone: '0571-85290210' },
  { n: 211, name: '邵振宁', email: 'shao.zhenning', role: 'RESEARCHER', org: 21, phone: '0574-86685211' },
  { n: 212, name: '潘思齐', email: 'pan.siqi', role: 'RESEARCHER', org: 15, phone: '0571-87951212' },
  { n: 213, name: '方卓', email: 'fang.zhuo', role: 'RESEARCHER', org: 18, phone: '0571-86835213' },
  { n: 214, name: '陈墨阳', email: 'chen.moyang', role: 'RESEARCHER', org: 15, phone: '0571-87951214' },
  { n: 215, name: '郑一鸣', email: 'zheng.yiming', role: 'RESEARCHER', org: 18, phone: '0571-86835215' },
  { n: 216, name: '谢婉清', email: 'xie.wanqing', role: 'RESEARCHER', org: 19, phone: '0571-85290216' },
  { n: 217, name: '柯文轩', email: 'ke.wenxuan', role: 'RESEARCHER', org: 22, phone: '0573-82581217' },
  { n: 218, name: '唐振华', email: 'tang.zhenhua', role: 'RESEARCHER', org: 19, phone: '0571-85290218' },
  { n: 219, name: '沈一舟', email: 'shen.yizhou', role: 'RESEARCHER', org: 17, phone: '0573-83643219' },
  { n: 220, name: '程浩然', email: 'cheng.haoran', role: 'RESEARCHER', org: 18, phone: '0571-86835220' },
  { n: 221, name: '罗清扬', email: 'luo.qingyang', role: 'RESEARCHER', org: 15, phone: '0571-87951221' },
  { n: 222, name: '钟晓岚', email: 'zhong.xiaolan', role: 'RESEARCHER', org: 21, phone: '0574-86685222' },
  { n: 223, name: '梁宇辰', email: 'liang.yuchen', role: 'RESEARCHER', org: 20, phone: '021-67792423' },
  { n: 224, name: '邹佳宁', email: 'zou.jianing', role: 'RESEARCHER', org: 22, phone: '0573-82581224' },
  { n: 225, name: '蔡明哲', email: 'cai.mingzhe', role: 'RESEARCHER', org: 15, phone: '0571-87951225' },
  { n: 226, name: '章雨萱', email: 'zhang.yuxuan', role: 'RESEARCHER', org: 17, phone: '0573-83643226' },
  { n: 227, name: '龚卫国', email: 'gong.weiguo', role: 'RESEARCHER', org: 23, phone: '025-84892227' },
  { n: 228, name: '杨思源', email: 'yang.siyuan', role: 'RESEARCHER', org: 15, phone: '0571-87951228' },
  { n: 229, name: '陶志诚', email: 'tao.zhicheng', role: 'RESEARCHER', org: 19, phone: '0571-85290229' },
  { n: 230, name: '石佳慧', email: 'shi.jiahui', role: 'RESEARCHER', org: 18, phone: '0571-86835230' },

  // Technology brokers
  { n: 301, name: '许嘉宁', email: 'broker.xu', role: 'BROKER', org: 25, phone: '0573-87088301' },
  { n: 302, name: '陈思琪', email: 'broker.chen', role: 'BROKER', org: 25, phone: '0573-87088302' },
  { n: 303, name: '李铭远', email: 'broker.li', role: 'BROKER', org: 26, phone: '0573-82199303' },
  { n: 304, name: '周欣然', email: 'broker.zhou', role: 'BROKER', org: 26, phone: '0573-82199304' },
  // An independent broker, not attached to an agency.
  { n: 305, name: '王建峰', email: 'broker.wang', role: 'BROKER', org: null, phone: '0573-87088305' },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = PEOPLE.map((person) => ({
  id: accountId(person.n),
  email: `${person.email}@${domain}`,
  displayName: person.name,
  role: person.role,
  organizationId: person.org === null ? null : organizationId(person.org),
}));

export const DEMO_ADMIN_EMAIL = `admin@${domain}`;

const BY_NUMBER = new Map(PEOPLE.map((person) => [person.n, person]));

/** Account id of the demo person numbered `n` (101 = first enterprise member…); throws on a typo. */
export function demoAccount(n: number): string {
  if (!BY_NUMBER.has(n)) throw new Error(`No demo account number ${n}`);
  return accountId(n);
}

/** The public contact card of a demo person. */
export function demoContact(n: number): DemoContact {
  const person = BY_NUMBER.get(n);
  if (!person) throw new Error(`No demo account number ${n}`);
  return { name: person.name, phone: person.phone, email: `${person.email}@${domain}` };
}

/** Region code of the organisation a demo person belongs to; listings are located there. */
export function demoRegion(n: number): string {
  const org = BY_NUMBER.get(n)?.org;
  const region = DEMO_ORGANIZATIONS.find((organization) => organization.id === organizationId(org ?? 0))?.regionCode;
  if (!region) throw new Error(`Demo account number ${n} has no organisation`);
  return region;
}
