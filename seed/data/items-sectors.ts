// 县农业农村局, 县生态环境局 and 县文化和广电旅游体育局: sector licences served on the third floor.
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { applicationForm, businessLicence, departmentItems, idCard, issued, paper } from './guide-kit.ts';

const agriculture = departmentItems('NY', helplineOf('NY'), W.agriculture);
const environment = departmentItems('STHJ', helplineOf('STHJ'), [...W.touziXiangmu, ...W.environment]);
const culture = departmentItems('WGLT', helplineOf('WGLT'), W.culture);

const EIA_LAW = '《中华人民共和国环境影响评价法》';
const PREMISES = '需对经营场所进行现场核查';
const shop = (title: string) => [applicationForm(title), businessLicence(), paper('经营场所产权或租赁证明', '复印件')];
const eiaReport = (kind: string) => [applicationForm('建设项目环境影响评价文件审批申请书'), paper(`建设项目环境影响${kind}`, '原件', { acceptanceStandard: '由具备能力的单位编制，编制单位和人员信息齐全' })];

export const sectorItems = [
  agriculture({
    code: 'NY-001', name: '农作物种子生产经营许可', category: '行政许可',
    conditions: '从事主要农作物常规种子或非主要农作物种子生产经营，有相应的资金、场所、设施和技术人员',
    materials: [...shop('农作物种子生产经营许可申请表'), paper('种子检验、加工设施和人员情况说明', '原件')],
    limits: [20, 10], onsiteReason: PREMISES, keywords: ['种子', '种子经营许可证'],
    basis: '《中华人民共和国种子法》；《农作物种子生产经营许可管理办法》',
  }),
  agriculture({
    code: 'NY-002', name: '兽药经营许可证核发', category: '行政许可',
    conditions: '有与所经营兽药相适应的兽药技术人员、营业场所、设备和仓库设施，以及质量管理机构或人员',
    materials: [...shop('兽药经营许可证申请表'), paper('兽药技术人员学历或职称证明', '复印件'), paper('质量管理制度文件', '原件')],
    limits: [20, 10], onsiteReason: PREMISES, keywords: ['兽药', '兽药店'], basis: '《兽药管理条例》第二十二条',
  }),
  agriculture({
    code: 'NY-003', name: '农药经营许可', category: '行政许可',
    conditions: '有具备农学、植保等专业知识的技术人员，有与经营品种规模相适应的营业场所和仓储场所，有质量管理和安全防护制度',
    materials: [...shop('农药经营许可申请表'), paper('技术人员学历或职称证明', '复印件'), paper('营业场所和仓储场所平面图', '原件')],
    limits: [20, 10], onsiteReason: PREMISES, keywords: ['农药', '农资店'],
    basis: '《农药管理条例》第二十四条；《农药经营许可管理办法》',
  }),
  agriculture({
    code: 'NY-004', name: '拖拉机和联合收割机登记', category: '行政许可',
    conditions: '拖拉机、联合收割机所有人在机具投入使用前申请注册登记，机具经安全技术检验合格',
    materials: [idCard('所有人'), paper('机具来历证明（购机发票）', '原件'), issued('出厂合格证明', '生产企业'), issued('安全技术检验合格证明', '农机安全技术检验机构')],
    limits: [2, 1], onsiteReason: '需现场查验机具', keywords: ['拖拉机', '收割机', '农机上牌'],
    basis: '《中华人民共和国道路交通安全法》第一百二十一条；《拖拉机和联合收割机登记规定》',
  }),
  agriculture({
    code: 'NY-005', name: '农机购置补贴申领', category: '行政给付',
    conditions: '从事农业生产的个人和农业生产经营组织，购置补贴范围内的农业机械并完成核验',
    materials: [idCard('购机者'), paper('购机发票', '原件'), paper('本人银行卡', '复印件')], limits: [20, 15], visits: 0,
    keywords: ['农机补贴', '购机补贴'], basis: '《中华人民共和国农业机械化促进法》第二十七条',
  }),
  environment({
    code: 'STHJ-001', name: '建设项目环境影响报告表审批', category: '行政许可',
    conditions: '依照《建设项目环境影响评价分类管理名录》应当编制环境影响报告表的建设项目，在开工建设前报批',
    materials: eiaReport('报告表'), limits: [30, 15], visits: 0, keywords: ['环评', '环评审批', '报告表'],
    basis: `${EIA_LAW}第二十二条`,
  }),
  environment({
    code: 'STHJ-002', name: '建设项目环境影响报告书审批', category: '行政许可',
    conditions: '可能造成重大环境影响、应当编制环境影响报告书的建设项目，已依法开展公众参与',
    materials: [...eiaReport('报告书'), paper('公众参与说明', '原件')], limits: [60, 30],
    onsiteReason: '需组织技术评估并进行现场踏勘', keywords: ['环评', '环评审批', '报告书'], basis: `${EIA_LAW}第二十二条`,
  }),
  environment({
    code: 'STHJ-003', name: '排污许可证核发', category: '行政许可',
    conditions: '纳入固定污染源排污许可分类管理名录、实行重点管理或简化管理的排污单位',
    materials: [applicationForm('排污许可证申请表'), paper('自行监测方案', '原件'), paper('守法承诺书', '原件')], limits: [20, 15], visits: 0,
    keywords: ['排污许可', '排污证'], basis: '《排污许可管理条例》',
  }),
  environment({
    code: 'STHJ-004', name: '建设项目环境影响登记表备案', category: '行政备案',
    conditions: '对环境影响很小、依照分类管理名录应当填报环境影响登记表的建设项目',
    materials: [paper('建设项目环境影响登记表', '电子')], limits: [1, 0], visits: 0,
    keywords: ['环评登记表', '环评备案'], basis: `${EIA_LAW}第十六条；《建设项目环境影响登记表备案管理办法》`,
  }),
  culture({
    code: 'WGLT-001', name: '娱乐场所经营许可', category: '行政许可',
    conditions: '开办歌舞、游艺娱乐场所，场所位置和面积符合规定，消防安全符合要求',
    materials: [...shop('娱乐经营许可申请表'), idCard('法定代表人（负责人）')], limits: [20, 10], onsiteReason: PREMISES,
    keywords: ['KTV', '歌舞厅', '娱乐许可证'], basis: '《娱乐场所管理条例》',
  }),
  culture({
    code: 'WGLT-002', name: '互联网上网服务营业场所经营许可', category: '行政许可',
    conditions: '设立网吧、电竞酒店等互联网上网服务营业场所，营业面积和计算机台数符合规定',
    materials: [...shop('互联网上网服务营业场所经营许可申请表'), paper('网络安全和信息安全管理制度', '原件')],
    limits: [20, 10], onsiteReason: PREMISES, keywords: ['网吧', '网络文化经营许可证', '电竞'],
    basis: '《互联网上网服务营业场所管理条例》',
  }),
  culture({
    code: 'WGLT-003', name: '营业性演出审批', category: '行政许可',
    conditions: '文艺表演团体、演出经纪机构在本县举办营业性演出，有确定的演出场所和演出节目',
    materials: [applicationForm('营业性演出申请登记表'), businessLicence(), paper('演出场地安全评估和协议', '复印件'), paper('演出节目内容材料', '原件')],
    limits: [20, 5], visits: 0, keywords: ['演出审批', '演唱会', '商演'], basis: '《营业性演出管理条例》',
  }),
  culture({
    code: 'WGLT-004', name: '高危险性体育项目经营许可（游泳）', category: '行政许可',
    conditions: '经营游泳场所，场所设施符合国家标准，有取得国家职业资格证书的社会体育指导人员和救助人员',
    materials: [...shop('高危险性体育项目经营许可申请书'), issued('社会体育指导员和救生员职业资格证书', '人力资源社会保障部门', '复印件')],
    limits: [30, 15], onsiteReason: PREMISES, keywords: ['游泳馆', '高危体育', '体育经营'],
    basis: '《全民健身条例》第三十二条；《经营高危险性体育项目许可管理办法》',
  }),
  culture({
    code: 'WGLT-005', name: '旅行社设立许可', category: '行政许可',
    conditions: '取得企业法人资格并有不少于30万元注册资本，依法缴纳旅游服务质量保证金',
    materials: [applicationForm('旅行社设立申请书'), businessLicence(), paper('经营场所证明', '复印件'), issued('旅游服务质量保证金存单或担保函', '商业银行', '复印件')],
    limits: [20, 15], onsiteReason: '需现场核查经营场所', keywords: ['旅行社', '导游', '旅游'],
    basis: '《旅行社条例》第六条、第七条',
  }),
];
