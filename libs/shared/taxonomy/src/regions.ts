/**
 * GB/T 2260 administrative division codes the marketplace knows by name: every prefecture-level
 * city and county-level division of 浙江省 (divisions as of the 2021 Hangzhou adjustment), every
 * provincial-level division, the provincial capitals and a few other cities where institutions sit.
 */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export interface Region {
  code: string;
  name: string;
  /** Parent division code (province for a city, city for a county); none for a province. */
  parent: string | null;
  /**
   * PROVINCE for provincial-level divisions (the four municipalities included), CITY for
   * prefecture-level cities, COUNTY for districts, counties and county-level cities. A
   * municipality's districts have the municipality as parent (GB/T 2260's 市辖区 level is skipped).
   */
  level: RegionLevel;
}

const province = (code: string, name: string): Region => ({ code, name, parent: null, level: 'PROVINCE' });
const city = (code: string, name: string): Region => ({ code, name, parent: `${code.slice(0, 2)}0000`, level: 'CITY' });
/** County-level divisions of a prefecture-level city: the parent is derived from the code. */
const county = (code: string, name: string): Region => ({ code, name, parent: `${code.slice(0, 4)}00`, level: 'COUNTY' });
/** Districts of a municipality (北京, 上海, 天津, 重庆): the parent is the municipality itself. */
const district = (code: string, name: string): Region => ({ code, name, parent: `${code.slice(0, 2)}0000`, level: 'COUNTY' });

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

export const REGIONS: readonly Region[] = [
  province('110000', '北京市'),
  province('120000', '天津市'),
  province('130000', '河北省'),
  province('140000', '山西省'),
  province('150000', '内蒙古自治区'),
  province('210000', '辽宁省'),
  province('220000', '吉林省'),
  province('230000', '黑龙江省'),
  province('310000', '上海市'),
  province('320000', '江苏省'),
  province('330000', '浙江省'),
  province('340000', '安徽省'),
  province('350000', '福建省'),
  province('360000', '江西省'),
  province('370000', '山东省'),
  province('410000', '河南省'),
  province('420000', '湖北省'),
  province('430000', '湖南省'),
  province('440000', '广东省'),
  province('450000', '广西壮族自治区'),
  province('460000', '海南省'),
  province('500000', '重庆市'),
  province('510000', '四川省'),
  province('520000', '贵州省'),
  province('530000', '云南省'),
  province('540000', '西藏自治区'),
  province('610000', '陕西省'),
  province('620000', '甘肃省'),
  province('630000', '青海省'),
  province('640000', '宁夏回族自治区'),
  province('650000', '新疆维吾尔自治区'),
  province('710000', '台湾省'),
  province('810000', '香港特别行政区'),
  province('820000', '澳门特别行政区'),

  // 浙江省
  city('330100', '杭州市'),
  county('330102', '上城区'),
  county('330105', '拱墅区'),
  county('330106', '西湖区'),
  county('330108', '滨江区'),
  county('330109', '萧山区'),
  county('330110', '余杭区'),
  county('330111', '富阳区'),
  county('330112', '临安区'),
  county('330113', '临平区'),
  county('330114', '钱塘区'),
  county('330122', '桐庐县'),
  county('330127', '淳安县'),
  county('330182', '建德市'),
  city('330200', '宁波市'),
  county('330203', '海曙区'),
  county('330205', '江北区'),
  county('330206', '北仑区'),
  county('330211', '镇海区'),
  county('330212', '鄞州区'),
  county('330213', '奉化区'),
  county('330225', '象山县'),
  county('330226', '宁海县'),
  county('330281', '余姚市'),
  county('330282', '慈溪市'),
  city('330300', '温州市'),
  county('330302', '鹿城区'),
  county('330303', '龙湾区'),
  county('330304', '瓯海区'),
  county('330305', '洞头区'),
  county('330324', '永嘉县'),
  county('330326', '平阳县'),
  county('330327', '苍南县'),
  county('330328', '文成县'),
  county('330329', '泰顺县'),
  county('330381', '瑞安市'),
  county('330382', '乐清市'),
  county('330383', '龙港市'),
  city('330400', '嘉兴市'),
  county('330402', '南湖区'),
  county('330411', '秀洲区'),
  county('330421', '嘉善县'),
  county('330424', '海盐县'),
  county('330481', '海宁市'),
  county('330482', '平湖市'),
  county('330483', '桐乡市'),
  city('330500', '湖州市'),
  county('330502', '吴兴区'),
  county('330503', '南浔区'),
  county('330521', '德清县'),
  county('330522', '长兴县'),
  county('330523', '安吉县'),
  city('330600', '绍兴市'),
  county('330602', '越城区'),
  county('330603', '柯桥区'),
  county('330604', '上虞区'),
  county('330624', '新昌县'),
  county('330681', '诸暨市'),
  county('330683', '嵊州市'),
  city('330700', '金华市'),
  county('330702', '婺城区'),
  county('330703', '金东区'),
  county('330723', '武义县'),
  county('330726', '浦江县'),
  county('330727', '磐安县'),
  county('330781', '兰溪市'),
  county('330782', '义乌市'),
  county('330783', '东阳市'),
  county('330784', '永康市'),
  city('330800', '衢州市'),
  county('330802', '柯城区'),
  county('330803', '衢江区'),
  county('330822', '常山县'),
  county('330824', '开化县'),
  county('330825', '龙游县'),
  county('330881', '江山市'),
  city('330900', '舟山市'),
  county('330902', '定海区'),
  county('330903', '普陀区'),
  county('330921', '岱山县'),
  county('330922', '嵊泗县'),
  city('331000', '台州市'),
  county('331002', '椒江区'),
  county('331003', '黄岩区'),
  county('331004', '路桥区'),
  county('331022', '三门县'),
  county('331023', '天台县'),
  county('331024', '仙居县'),
  county('331081', '温岭市'),
  county('331082', '临海市'),
  county('331083', '玉环市'),
  city('331100', '丽水市'),
  county('331102', '莲都区'),
  county('331121', '青田县'),
  county('331122', '缙云县'),
  county('331123', '遂昌县'),
  county('331124', '松阳县'),
  county('331125', '云和县'),
  county('331126', '庆元县'),
  county('331127', '景宁畲族自治县'),
  county('331181', '龙泉市'),

  // Districts of the municipalities where many institutions sit.
  district('110108', '海淀区'),
  district('310104', '徐汇区'),
  district('310105', '长宁区'),
  district('310110', '杨浦区'),
  district('310112', '闵行区'),
  district('310114', '嘉定区'),
  district('310115', '浦东新区'),
  district('310117', '松江区'),

  // Provincial capitals and other cities with institutions.
  city('130100', '石家庄市'),
  city('140100', '太原市'),
  city('150100', '呼和浩特市'),
  city('210100', '沈阳市'),
  city('210200', '大连市'),
  city('220100', '长春市'),
  city('230100', '哈尔滨市'),
  city('320100', '南京市'),
  city('320200', '无锡市'),
  city('320500', '苏州市'),
  city('340100', '合肥市'),
  city('350100', '福州市'),
  city('350200', '厦门市'),
  city('360100', '南昌市'),
  city('370100', '济南市'),
  city('370200', '青岛市'),
  city('410100', '郑州市'),
  city('420100', '武汉市'),
  city('430100', '长沙市'),
  city('440100', '广州市'),
  city('440300', '深圳市'),
  city('450100', '南宁市'),
  city('460100', '海口市'),
  city('510100', '成都市'),
  city('520100', '贵阳市'),
  city('530100', '昆明市'),
  city('540100', '拉萨市'),
  city('610100', '西安市'),
  city('620100', '兰州市'),
  city('630100', '西宁市'),
  city('640100', '银川市'),
  city('650100', '乌鲁木齐市'),
];

const BY_CODE = new Map(REGIONS.map((region) => [region.code, region]));

export const isRegionCode = (code: string): boolean => BY_CODE.has(code);
export const regionByCode = (code: string): Region | undefined => BY_CODE.get(code);
export const regionName = (code: string): string => BY_CODE.get(code)?.name ?? code;

/** The division and its ancestors, province first (浙江省, 嘉兴市, 海宁市); empty for an unknown code. */
export function regionPath(code: string): Region[] {
  const path: Region[] = [];
  for (let region = BY_CODE.get(code); region; region = region.parent ? BY_CODE.get(region.parent) : undefined) {
    path.unshift(region);
  }
  return path;
}

/** The full name, e.g. 浙江省嘉兴市海宁市; the code itself when unknown. */
export const regionFullName = (code: string): string =>
  regionPath(code)
    .map((region) => region.name)
    .join('') || code;

/**
 * The prefecture-level city a division belongs to (a municipality counts as its own city); undefined
 * for a province or an unknown code.
 */
export function cityOf(code: string): Region | undefined {
  return regionPath(code).find((region) => region.level === 'CITY' || MUNICIPALITIES.has(region.code));
}

/**
 * The name of the prefecture-level city both divisions lie in (嘉兴市 for 海宁市 and 桐乡市, 上海市
 * for two Shanghai districts), or null when they are in different cities or either is a province.
 */
export function sameCity(a: string, b: string): string | null {
  const cityA = cityOf(a);
  return cityA !== undefined && cityA.code === cityOf(b)?.code ? cityA.name : null;
}
