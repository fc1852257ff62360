// 县自然资源和规划局（不动产登记中心）: real-estate registration (served together with the tax
// bureau at the 不动产交易登记 comprehensive window) and planning permits.
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { agentPapers, applicationForm, businessLicence, departmentItems, fee, idCard, issued, paper, type Material } from './guide-kit.ts';

const registration = departmentItems('ZRZY', helplineOf('ZRZY'), [...W.jiaoyiDengji, ...W.budongchan]);
const planning = departmentItems('ZRZY', helplineOf('ZRZY'), [...W.touziXiangmu, ...W.planning]);

const REGISTRATION_LAW = '《中华人民共和国民法典》物权编；《不动产登记暂行条例》；《不动产登记暂行条例实施细则》';
const PLANNING_LAW = '《中华人民共和国城乡规划法》';
const FEE_BASIS = '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）；《财政部 国家发展改革委关于不动产登记收费有关政策问题的通知》（财税〔2016〕79号）';
const housingFee = (waivable = false) => [fee('不动产登记费（住宅类）', 8000, FEE_BASIS, waivable)];
const SIGNATURE = '申请人须到场签署申请书并核验身份（可通过小程序预约，一窗办结）';
const NON_HOUSING = ['非住宅收多少登记费？', '非住宅类不动产登记费为每件550元；每多发一本证书另收工本费10元。'] as [string, string];

const ownership = (certificate: string): Material[] => [
  applicationForm('不动产登记申请书'), idCard('权利人（申请人）'),
  paper(certificate, '原件', { source: '不动产登记机构核发', acceptanceStandard: '与登记簿记载一致' }), ...agentPapers(),
];

export const realEstateItems = [
  registration({
    code: 'ZRZY-001', name: '不动产转移登记（二手房买卖）', category: '行政确认', highFrequency: true,
    conditions: '已登记的不动产因买卖发生权属转移，已完成网签备案并缴纳相关税费',
    materials: [...ownership('不动产权证书（房屋所有权证）'), paper('存量房买卖合同', '原件', { source: '网签备案系统打印' }), issued('完税凭证（部门共享获取）', '税务机关', '电子')],
    limits: [30, 3], onsiteReason: SIGNATURE, fees: housingFee(),
    keywords: ['过户', '二手房', '房产证', '不动产', '转移登记'], basis: REGISTRATION_LAW,
    faq: [NON_HOUSING, ['税费和登记可以一次办吗？', '可以。一楼C03综合受理窗口“一窗受理、集成服务”，交易、缴税、登记一次办结。']],
  }),
  registration({
    code: 'ZRZY-002', name: '不动产抵押登记', category: '行政确认', highFrequency: true,
    conditions: '以已登记的不动产设定抵押权，抵押人和抵押权人共同申请（银行可通过线上“不动产+金融”平台申请）',
    materials: [...ownership('不动产权证书'), paper('主债权合同和抵押合同', '原件'), paper('抵押权人金融许可证或营业执照', '复印件')],
    limits: [30, 3], visits: 0, fees: housingFee(),
    keywords: ['抵押', '按揭', '贷款', '不动产抵押'], basis: `${REGISTRATION_LAW}；《中华人民共和国民法典》第四百零二条`,
    faq: [NON_HOUSING, ['小微企业抵押收费吗？', '小微企业（含个体工商户）申请不动产登记免收登记费。']],
  }),
  registration({
    code: 'ZRZY-003', name: '不动产首次登记（国有建设用地使用权及房屋所有权）', category: '行政确认', highFrequency: true,
    conditions: '房屋竣工验收合格，已取得国有建设用地使用权，房屋已完成实测',
    materials: [applicationForm('不动产登记申请书'), businessLicence(), issued('建设工程规划核实和竣工验收备案材料', '规划、住建部门', '复印件'), issued('房产测绘成果报告', '测绘机构'), issued('土地出让价款缴清证明', '自然资源部门', '复印件')],
    limits: [30, 10], onsiteReason: SIGNATURE, fees: housingFee(),
    keywords: ['首次登记', '新房', '大证', '不动产'], basis: REGISTRATION_LAW, faq: [NON_HOUSING],
  }),
  registration({
    code: 'ZRZY-004', name: '不动产变更登记', category: '行政确认', highFrequency: true,
    conditions: '权利人姓名或名称、不动产坐落、面积、用途等登记事项发生变更',
    materials: [...ownership('不动产权证书'), paper('变更事项证明材料', '原件')],
    limits: [30, 3], onsiteReason: SIGNATURE, fees: housingFee(true),
    keywords: ['变更登记', '房产证改名', '不动产'], basis: REGISTRATION_LAW,
    faq: [['什么情况下免收登记费？', '因行政区划调整导致坐落、门牌号变更而申请变更登记的，免收不动产登记费。']],
  }),
  registration({
    code: 'ZRZY-005', name: '不动产注销登记（抵押权注销）', category: '行政确认',
    conditions: '主债权消灭、抵押权已经实现或抵押权人放弃抵押权',
    materials: [applicationForm('不动产登记申请书'), issued('不动产登记证明（抵押）', '不动产登记机构'), issued('抵押权消灭证明（还清贷款证明）', '抵押权人')],
    limits: [30, 1], visits: 0, keywords: ['解押', '注销抵押', '还清贷款'], basis: REGISTRATION_LAW,
  }),
  registration({
    code: 'ZRZY-006', name: '不动产登记资料查询', category: '公共服务', highFrequency: true,
    conditions: '权利人、利害关系人查询不动产登记资料，或查询本人名下不动产情况（无房证明）',
    materials: [idCard('查询人'), ...agentPapers()], limits: [5, 0], visits: 0, deliveryByPost: false,
    keywords: ['无房证明', '查房产', '产权查询', '不动产查询'], basis: '《不动产登记资料查询暂行办法》',
  }),
  registration({
    code: 'ZRZY-007', name: '不动产预告登记（预购商品房）', category: '行政确认',
    conditions: '购买期房并已完成商品房买卖合同网签备案的购房人，与开发企业共同申请',
    materials: [applicationForm('不动产登记申请书'), idCard('购房人'), paper('商品房买卖合同', '原件', { source: '网签备案系统打印' })],
    limits: [30, 3], visits: 0, fees: housingFee(),
    keywords: ['预告登记', '期房', '预售'], basis: `${REGISTRATION_LAW}；《中华人民共和国民法典》第二百二十一条`,
  }),
  registration({
    code: 'ZRZY-008', name: '不动产更正登记', category: '行政确认',
    conditions: '权利人、利害关系人认为不动产登记簿记载事项错误，有证据证明的',
    materials: [...ownership('不动产权证书'), paper('登记事项错误的证明材料', '原件')],
    limits: [30, 10], onsiteReason: SIGNATURE, keywords: ['更正登记', '登记错误'], basis: REGISTRATION_LAW,
  }),
  registration({
    code: 'ZRZY-009', name: '宅基地使用权及房屋所有权首次登记', category: '行政确认',
    conditions: '农村村民依法取得宅基地使用权并建成住房，权属清楚、界址清晰、符合“一户一宅”',
    materials: [applicationForm('不动产登记申请书'), idCard('户内成员'), issued('宅基地批准文件', '乡镇人民政府', '复印件'), issued('权籍调查成果', '不动产权籍调查机构')],
    limits: [30, 10], onsiteReason: SIGNATURE, keywords: ['农房', '宅基地', '农村房产证'],
    basis: `${REGISTRATION_LAW}；《中华人民共和国土地管理法》第六十二条`,
  }),
  planning({
    code: 'ZRZY-010', name: '建设工程规划许可证核发', category: '行政许可',
    conditions: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设，已取得建设用地规划许可和用地批准文件',
    materials: [applicationForm('建设工程规划许可申请表'), issued('使用土地的有关证明文件', '自然资源部门', '复印件'), paper('建设工程设计方案（总平面图）', '原件', { acceptanceStandard: '加盖设计单位出图章' })],
    limits: [20, 10], onsiteReason: '需提交盖章的设计方案图纸', keywords: ['规划许可', '工程规划证', '建设工程规划'],
    basis: `${PLANNING_LAW}第四十条`,
  }),
  planning({
    code: 'ZRZY-011', name: '建设用地规划许可证核发', category: '行政许可',
    conditions: '以出让或划拨方式取得国有土地使用权的建设项目，已签订出让合同或取得划拨决定',
    materials: [applicationForm('建设用地规划许可申请表'), issued('国有建设用地使用权出让合同或划拨决定书', '自然资源部门', '复印件'), issued('建设项目批准、核准或备案文件', '发展改革部门', '复印件')],
    limits: [20, 10], onsiteReason: '需核验用地批准文件原件', keywords: ['用地规划许可', '用地规划证'],
    basis: `${PLANNING_LAW}第三十七条、第三十八条`,
  }),
];
