// 县住房和城乡建设局, 县交通运输局 and 县水利局: construction permits and acceptance (the
// investment-project comprehensive window), housing, road transport and water permits.
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { applicationForm, businessLicence, departmentItems, idCard, issued, paper, photos } from './guide-kit.ts';

const project = departmentItems('ZJ', helplineOf('ZJ'), [...W.touziXiangmu, ...W.construction]);
const housing = departmentItems('ZJ', helplineOf('ZJ'), W.construction);
const transport = departmentItems('JT', helplineOf('JT'), W.transport);
const water = departmentItems('SL', helplineOf('SL'), [...W.touziXiangmu, ...W.water]);

const ROAD_LAW = '《中华人民共和国道路运输条例》';
const FIRE_LAW = '《中华人民共和国消防法》；《建设工程消防设计审查验收管理暂行规定》';
const WATER_LAW = '《中华人民共和国水法》';
const DRAWINGS = '需提交加盖出图章的设计图纸';
const vehicle = () => [issued('机动车行驶证', '公安机关交通管理部门', '复印件'), issued('车辆技术等级评定或综合性能检测报告', '机动车检验检测机构', '复印件')];
const driver = () => [idCard('驾驶员'), issued('机动车驾驶证', '公安机关交通管理部门', '复印件'), issued('无重大以上交通责任事故记录证明', '公安机关交通管理部门', '原件', { note: '可通过部门共享核验' })];

export const constructionItems = [
  project({
    code: 'ZJ-001', name: '建筑工程施工许可证核发', category: '行政许可',
    conditions: '工程投资额30万元以上或建筑面积300平方米以上的建筑工程，已办理用地、规划手续，施工企业已确定，资金已落实',
    materials: [applicationForm('建筑工程施工许可申请表'), issued('建设工程规划许可证', '自然资源和规划部门', '复印件'), paper('中标通知书或直接发包备案材料', '复印件'), paper('建设资金已落实承诺书', '原件')],
    limits: [7, 3], visits: 0, keywords: ['施工许可', '开工', '施工许可证'],
    basis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》',
  }),
  project({
    code: 'ZJ-002', name: '商品房预售许可', category: '行政许可',
    conditions: '已交付全部土地使用权出让金并取得土地使用权证书，持有建设工程规划许可证和施工许可证，投入开发建设资金达到工程建设总投资25%以上',
    materials: [applicationForm('商品房预售许可申请表'), businessLicence(), issued('房地产开发企业资质证书', '住房城乡建设部门', '复印件'), paper('工程施工进度说明和预售方案', '原件')],
    limits: [10, 5], onsiteReason: '需现场核查形象进度', keywords: ['预售证', '预售许可', '卖房'],
    basis: '《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》',
  }),
  project({
    code: 'ZJ-003', name: '建设工程消防设计审查', category: '行政许可',
    conditions: '特殊建设工程（大型人员密集场所等）在施工前申请消防设计审查',
    materials: [applicationForm('特殊建设工程消防设计审查申请表'), paper('消防设计文件', '原件'), issued('依法需要办理建设工程规划许可的，规划许可文件', '自然资源和规划部门', '复印件')],
    limits: [15, 10], onsiteReason: DRAWINGS, keywords: ['消防审查', '消防设计'], basis: FIRE_LAW,
  }),
  project({
    code: 'ZJ-004', name: '建设工程消防验收', category: '行政许可',
    conditions: '特殊建设工程竣工，建设单位已组织竣工验收且消防查验合格',
    materials: [applicationForm('特殊建设工程消防验收申请表'), paper('工程竣工验收报告', '原件'), paper('涉及消防的建设工程竣工图纸', '原件')],
    limits: [15, 10], onsiteReason: '需配合现场评定', keywords: ['消防验收', '竣工验收'], basis: FIRE_LAW,
  }),
  project({
    code: 'ZJ-005', name: '建设工程竣工验收备案', category: '行政备案',
    conditions: '房屋建筑和市政基础设施工程竣工验收合格之日起15日内',
    materials: [paper('工程竣工验收备案表', '原件'), paper('工程竣工验收报告', '原件'), paper('施工单位签署的工程质量保修书', '复印件')],
    limits: [15, 5], visits: 0, keywords: ['竣工备案', '验收备案'], basis: '《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》',
  }),
  housing({
    code: 'ZJ-006', name: '商品房买卖合同网签备案', category: '行政备案', highFrequency: true,
    windows: [...W.jiaoyiDengji, ...W.construction],
    conditions: '商品房或存量房买卖双方已达成交易意向，房屋无查封、无限制交易情形',
    materials: [idCard('买卖双方'), paper('房屋买卖合同', '原件', { copies: 3 }), paper('不动产权证书（存量房）', '原件', { required: false })],
    limits: [3, 0], onsiteReason: '存量房自行成交的双方须到场签约', keywords: ['网签', '合同备案', '买房备案'],
    basis: '《中华人民共和国城市房地产管理法》第四十五条；《商品房销售管理办法》',
  }),
  housing({
    code: 'ZJ-007', name: '公共租赁住房资格申请', category: '公共服务',
    conditions: '本县城镇中等偏下收入住房困难家庭、新就业无房职工和稳定就业的外来务工人员',
    materials: [idCard('家庭成员'), paper('家庭收入和住房情况申报表', '原件'), paper('家庭经济状况核对授权书', '原件')],
    limits: [30, 20], onsiteReason: '需签署经济状况核对授权书', keywords: ['公租房', '保障房', '廉租房'],
    basis: '《公共租赁住房管理办法》（住房城乡建设部令第11号）',
  }),
  housing({
    code: 'ZJ-008', name: '城镇污水排入排水管网许可', category: '行政许可',
    conditions: '从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户向城镇排水设施排放污水',
    materials: [applicationForm('城镇污水排入排水管网许可申请表'), businessLicence(), paper('排水接管位置图和预处理设施说明', '原件'), issued('排水水质检测报告', '检测机构', '原件', { required: false })],
    limits: [15, 10], onsiteReason: '需现场核查排水设施', keywords: ['排水许可', '排污', '污水'],
    basis: '《城镇排水与污水处理条例》第二十一条；《城镇污水排入排水管网许可管理办法》',
  }),
  housing({
    code: 'ZJ-009', name: '燃气经营许可', category: '行政许可',
    conditions: '符合燃气发展规划，有安全稳定的气源和燃气设施，有固定的经营场所和完善的安全管理制度',
    materials: [applicationForm('燃气经营许可申请表'), businessLicence(), paper('气源证明和燃气设施竣工验收材料', '复印件'), paper('主要负责人、安全管理人员考核合格证明', '复印件')],
    limits: [20, 15], onsiteReason: '需现场核查经营场所和设施', keywords: ['燃气', '液化气', '燃气经营'],
    basis: '《城镇燃气管理条例》第十五条；《燃气经营许可管理办法》',
  }),
  transport({
    code: 'JT-001', name: '道路货物运输经营许可', category: '行政许可', highFrequency: true,
    conditions: '有与经营业务相适应并经检测合格的车辆、符合条件的驾驶人员和健全的安全生产管理制度（使用总质量4500千克以下普通货运车辆的无需申请）',
    materials: [applicationForm('道路货物运输经营申请表'), businessLicence(), ...vehicle(), paper('安全生产管理制度文本', '原件')],
    limits: [20, 5], visits: 0, keywords: ['货运', '道路运输经营许可证', '物流公司'],
    basis: `${ROAD_LAW}第二十一条、第二十四条；《道路货物运输及站场管理规定》`,
  }),
  transport({
    code: 'JT-002', name: '道路旅客运输经营许可', category: '行政许可',
    conditions: '有与经营业务相适应并经检测合格的客车、符合条件的驾驶人员和健全的安全生产管理制度',
    materials: [applicationForm('道路旅客运输经营申请表'), businessLicence(), ...vehicle(), paper('拟聘用驾驶人员从业资格证', '复印件')],
    limits: [20, 10], onsiteReason: '需核验车辆和人员材料原件', keywords: ['客运', '班车', '包车'],
    basis: `${ROAD_LAW}第八条、第十条；《道路旅客运输及客运站管理规定》`,
  }),
  transport({
    code: 'JT-003', name: '道路运输证配发', category: '行政许可',
    conditions: '已取得道路运输经营许可，车辆检测合格、投入营运',
    materials: [businessLicence(), ...vehicle()], limits: [10, 0], visits: 0,
    keywords: ['营运证', '道路运输证', '货车营运证'], basis: `${ROAD_LAW}第三十三条`,
  }),
  transport({
    code: 'JT-004', name: '道路运输从业人员从业资格证核发', category: '行政许可',
    conditions: '取得相应机动车驾驶证1年以上，无重大以上交通责任事故，经考试合格',
    materials: [...driver(), applicationForm('道路运输从业人员从业资格申请表')], limits: [10, 5],
    onsiteReason: '需参加从业资格考试', keywords: ['从业资格证', '货运资格证', '客运资格证'],
    basis: `${ROAD_LAW}第九条、第二十二条；《道路运输从业人员管理规定》`,
  }),
  transport({
    code: 'JT-005', name: '巡游出租汽车经营许可', category: '行政许可',
    conditions: '有符合要求的车辆或车辆购置计划、取得从业资格证的驾驶员、固定的经营场所和停车场地',
    materials: [applicationForm('巡游出租汽车经营申请表'), businessLicence(), paper('车辆购置计划或行驶证', '复印件'), paper('经营管理制度和安全生产管理制度', '原件')],
    limits: [20, 15], onsiteReason: '需现场核查经营场所', keywords: ['出租车', '的士', '出租汽车'],
    basis: '《巡游出租汽车经营服务管理规定》',
  }),
  transport({
    code: 'JT-006', name: '网络预约出租汽车驾驶员证核发', category: '行政许可',
    conditions: '取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历，无交通肇事、危险驾驶、暴力犯罪记录',
    materials: [...driver(), photos(2, '近期正面免冠一寸白底彩色照片')], limits: [20, 10], onsiteReason: '需参加网约车驾驶员从业资格考试',
    keywords: ['网约车', '网约车驾驶员证', '滴滴'], basis: '《网络预约出租汽车经营服务管理暂行办法》第十四条；《出租汽车驾驶员从业资格管理规定》',
  }),
  transport({
    code: 'JT-007', name: '公路超限运输许可', category: '行政许可',
    conditions: '运输不可解体大件物品，车货总体外廓尺寸或总质量超过规定标准，需在公路上行驶',
    materials: [applicationForm('公路超限运输申请表'), ...vehicle(), paper('货物名称、重量、外廓尺寸及运输线路说明', '原件')],
    limits: [2, 1], visits: 0, keywords: ['超限运输', '大件运输'], basis: '《公路安全保护条例》第三十五条；《超限运输车辆行驶公路管理规定》',
  }),
  water({
    code: 'SL-001', name: '取水许可', category: '行政许可',
    conditions: '利用取水工程或设施直接从江河、湖泊或地下取用水资源的单位和个人（法定免于申请的情形除外）',
    materials: [applicationForm('取水许可申请书'), businessLicence(), issued('建设项目水资源论证报告书（表）', '论证编制单位'), paper('与第三者利害关系的说明', '原件', { required: false })],
    limits: [45, 20], onsiteReason: '需现场核查取水口位置', keywords: ['取水', '打井', '取水证'],
    basis: `${WATER_LAW}第四十八条；《取水许可和水资源费征收管理条例》`,
  }),
  water({
    code: 'SL-002', name: '河道管理范围内建设项目工程建设方案审批', category: '行政许可',
    conditions: '在河道管理范围内建设跨河、穿河、临河的桥梁、码头、管道、缆线等工程设施',
    materials: [applicationForm('河道管理范围内建设项目申请书'), paper('建设项目防洪评价报告', '原件'), paper('工程建设方案及图纸', '原件')],
    limits: [20, 15], onsiteReason: DRAWINGS, keywords: ['涉河', '河道', '防洪评价'],
    basis: '《中华人民共和国防洪法》第二十七条；《中华人民共和国河道管理条例》第十一条',
  }),
  water({
    code: 'SL-003', name: '生产建设项目水土保持方案审批', category: '行政许可',
    conditions: '在山区、丘陵区、风沙区以及容易发生水土流失的其他区域开办可能造成水土流失的生产建设项目',
    materials: [applicationForm('生产建设项目水土保持方案审批申请'), paper('水土保持方案报告书（表）', '原件')],
    limits: [20, 10], visits: 0, keywords: ['水土保持', '水保方案'], basis: '《中华人民共和国水土保持法》第二十五条',
  }),
];

