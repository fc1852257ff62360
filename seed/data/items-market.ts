// 县市场监督管理局: business registration (企业开办 at the comprehensive window), food and drug
// licences, special equipment.
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { agentPapers, applicationForm, businessLicence, departmentItems, idCard, issued, paper, type Material } from './guide-kit.ts';

const item = departmentItems('SCJG', helplineOf('SCJG'), [...W.qiyeKaiban, ...W.market]);
const licensing = departmentItems('SCJG', helplineOf('SCJG'), W.market);

const REGISTRATION_LAW = '《中华人民共和国市场主体登记管理条例》及其实施细则';
const FOOD_LAW = '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）';
const ONLINE = '可通过企业开办“一网通办”平台全程网上办理，电子营业执照即时生成';
const INSPECTION = '需对经营场所进行现场核查（申请人可承诺后先行发证）';

const charter = (kind: string): Material[] => [
  applicationForm(`${kind}登记申请书`),
  paper('公司章程（合伙协议）', '原件', { acceptanceStandard: '全体股东（合伙人）签署', note: '个人独资企业无需提供' }),
  idCard('法定代表人（负责人）及股东'),
  paper('住所（经营场所）使用证明或承诺', '原件', { acceptanceStandard: '实行住所申报承诺制，可填写承诺书代替' }),
];
const individual = (kind: string): Material[] => [applicationForm(`个体工商户${kind}登记申请书`), idCard('经营者'), ...agentPapers()];

export const marketItems = [
  item({
    code: 'SCJG-001', name: '营业执照设立登记（企业）', category: '行政许可', highFrequency: true,
    conditions: '申请设立有限责任公司、股份有限公司、个人独资企业、合伙企业等，名称经自主申报且符合登记条件',
    materials: charter('公司设立'), limits: [3, 0], visits: 0,
    keywords: ['营业执照', '开公司', '注册公司', '企业开办', '设立登记'], basis: REGISTRATION_LAW,
    faq: [['开办企业要多久？', `营业执照当场办结；${ONLINE}，刻章、发票申领、社保登记一并办理，一般1个工作日内全部完成。`]],
  }),
  item({
    code: 'SCJG-002', name: '营业执照变更登记（企业）', category: '行政许可', highFrequency: true,
    conditions: '企业名称、住所、法定代表人、注册资本、经营范围、股东等登记事项发生变更',
    materials: [applicationForm('公司变更登记申请书'), paper('股东会决议或决定', '原件'), paper('章程修正案', '原件', { required: false }), businessLicence()],
    limits: [3, 0], visits: 0, keywords: ['营业执照', '变更', '改名称', '换法人', '增资'], basis: REGISTRATION_LAW,
  }),
  item({
    code: 'SCJG-003', name: '营业执照注销登记（企业，含简易注销）', category: '行政许可', highFrequency: true,
    conditions: '企业解散、被宣告破产或有其他法定事由需终止的；未发生债权债务或已清偿完毕的可申请简易注销',
    materials: [applicationForm('公司注销登记申请书'), paper('清算报告或全体投资人承诺书', '原件'), issued('清税信息（部门共享获取）', '税务机关', '电子')],
    limits: [3, 1], visits: 0, keywords: ['注销', '关公司', '简易注销'], basis: REGISTRATION_LAW,
    faq: [['简易注销要公示多久？', '在国家企业信用信息公示系统公示20日，无异议即可申请注销。']],
  }),
  item({
    code: 'SCJG-004', name: '个体工商户设立登记', category: '行政许可', highFrequency: true,
    conditions: '有经营能力的自然人从事工商业经营，经营场所符合要求',
    materials: individual('设立'), limits: [3, 0], visits: 0,
    keywords: ['个体户', '营业执照', '开店', '个体工商户'], basis: `${REGISTRATION_LAW}；《促进个体工商户发展条例》`,
  }),
  item({
    code: 'SCJG-005', name: '个体工商户变更登记', category: '行政许可', highFrequency: true,
    conditions: '个体工商户名称、经营者姓名、经营范围、经营场所等登记事项发生变更',
    materials: individual('变更'), limits: [3, 0], visits: 0, keywords: ['个体户', '变更', '营业执照'], basis: REGISTRATION_LAW,
  }),
  item({
    code: 'SCJG-006', name: '个体工商户注销登记', category: '行政许可',
    conditions: '个体工商户不再从事经营活动，且无未结清的债权债务',
    materials: individual('注销'), limits: [3, 0], visits: 0, keywords: ['个体户', '注销'], basis: REGISTRATION_LAW,
  }),
  item({
    code: 'SCJG-007', name: '农民专业合作社设立登记', category: '行政许可',
    conditions: '有五名以上符合规定的成员，有章程、组织机构、名称和住所，有符合章程规定的成员出资',
    materials: [applicationForm('农民专业合作社设立登记申请书'), paper('设立大会纪要和章程', '原件'), paper('成员名册及出资清单', '原件'), idCard('法定代表人')],
    limits: [3, 1], keywords: ['合作社', '农民专业合作社'], basis: `《中华人民共和国农民专业合作社法》；${REGISTRATION_LAW}`,
  }),
  licensing({
    code: 'SCJG-008', name: '食品经营许可（新办）', category: '行政许可', highFrequency: true,
    conditions: '从事食品销售和餐饮服务，有与经营品种、数量相适应的场所、设备设施、人员和管理制度',
    materials: [
      applicationForm('食品经营许可申请书'), businessLicence(),
      paper('经营场所平面布局图和设备布局、工艺流程图', '原件'), paper('食品安全管理制度目录', '原件'),
      paper('食品安全管理人员名单', '原件', { note: '可作出承诺' }), ...agentPapers(),
    ],
    limits: [10, 5], onsiteReason: INSPECTION,
    keywords: ['食品经营许可证', '餐饮许可', '开饭店', '食品许可'], basis: FOOD_LAW,
  }),
  licensing({
    code: 'SCJG-009', name: '食品经营许可（变更、延续、注销）', category: '行政许可',
    conditions: '已取得食品经营许可证，许可事项变化或有效期届满需继续经营（届满前90个工作日至15个工作日内申请延续）',
    materials: [applicationForm('食品经营许可变更（延续、注销）申请书'), paper('原食品经营许可证', '原件', { source: '市场监督管理部门核发' }), businessLicence()],
    limits: [10, 3], keywords: ['食品经营许可证', '延续', '换证'], basis: FOOD_LAW,
  }),
  licensing({
    code: 'SCJG-010', name: '仅销售预包装食品经营者备案', category: '行政备案', highFrequency: true,
    conditions: '仅销售预包装食品（不含散装食品）的经营者，取得营业执照后开展销售活动',
    materials: [applicationForm('仅销售预包装食品经营者备案信息采集表'), businessLicence()],
    limits: [5, 0], visits: 0, keywords: ['预包装食品', '备案', '小卖部', '便利店'], basis: FOOD_LAW,
  }),
  licensing({
    code: 'SCJG-011', name: '食品生产许可', category: '行政许可',
    conditions: '从事食品生产活动，具有与生产的食品品种、数量相适应的生产场所、设备、设施和专业技术人员',
    materials: [applicationForm('食品生产许可申请书'), businessLicence(), paper('食品生产主要设备、设施清单', '原件'), paper('工艺设备布局图和食品生产工艺流程图', '原件'), paper('食品安全管理制度', '原件')],
    limits: [10, 8], onsiteReason: '需对生产场所进行现场核查', keywords: ['食品生产许可证', 'SC认证', '食品厂'],
    basis: '《中华人民共和国食品安全法》第三十五条；《食品生产许可管理办法》',
  }),
  licensing({
    code: 'SCJG-012', name: '药品零售企业经营许可', category: '行政许可',
    conditions: '开办药品零售企业，有依法经过资格认定的药师或其他药学技术人员，有与所经营药品相适应的营业场所和设备',
    materials: [applicationForm('药品经营许可证申请表'), businessLicence(), issued('执业药师注册证', '药品监督管理部门', '复印件'), paper('营业场所、仓库平面布置图及房屋产权或使用权证明', '复印件'), paper('质量管理文件目录', '原件')],
    limits: [20, 15], onsiteReason: '需现场检查验收', keywords: ['药店', '药品经营许可证', '开药房'],
    basis: '《中华人民共和国药品管理法》第五十一条；《药品经营和使用质量监督管理办法》',
  }),
  licensing({
    code: 'SCJG-013', name: '特种设备使用登记', category: '行政许可',
    conditions: '电梯、锅炉、压力容器、起重机械、场（厂）内专用机动车辆等特种设备投入使用前或投入使用后30日内',
    materials: [applicationForm('特种设备使用登记表'), businessLicence(), issued('产品合格证和监督检验证明', '制造单位、检验机构', '复印件'), issued('定期检验报告', '特种设备检验机构', '复印件', { required: false })],
    limits: [15, 5], keywords: ['电梯登记', '特种设备', '锅炉', '叉车'], basis: '《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》',
  }),
];
