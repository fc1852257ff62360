// 县税务局 and 县公积金管理中心: tax registration, invoices, property-transaction taxes;
// housing provident fund withdrawals and loans.
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { agentPapers, applicationForm, businessLicence, departmentItems, idCard, issued, paper } from './guide-kit.ts';

const tax = departmentItems('SW', helplineOf('SW'), W.tax);
const businessTax = departmentItems('SW', helplineOf('SW'), [...W.qiyeKaiban, ...W.tax]);
const fund = departmentItems('GJJ', helplineOf('GJJ'), W.gongjijin);

const TAX_LAW = '《中华人民共和国税收征收管理法》及其实施细则';
const INVOICE_LAW = '《中华人民共和国发票管理办法》及其实施细则';
const FUND_LAW = '《住房公积金管理条例》';
const fundAccount = () => [idCard('缴存职工'), paper('本人银行卡（一类账户）', '原件', { note: '核验后退还；提取资金转入本人账户' })];

export const taxAndFundItems = [
  businessTax({
    code: 'SW-001', name: '税务登记（新办纳税人信息确认）', category: '行政确认', highFrequency: true,
    conditions: '领取“多证合一”营业执照的新办企业和个体工商户，首次办理涉税事项时确认登记信息',
    materials: [businessLicence(), idCard('法定代表人（负责人）或办税人员')], limits: [1, 0], visits: 0,
    keywords: ['税务登记', '新办企业', '报到', '税务信息确认'], basis: `${TAX_LAW}第十五条`,
  }),
  businessTax({
    code: 'SW-002', name: '发票申领', category: '其他行政权力', highFrequency: true,
    conditions: '已办理税务信息确认、需要领用发票（含数电发票开票额度）的纳税人',
    materials: [idCard('办税人员'), applicationForm('发票领用申请（电子税务局填报）')], limits: [5, 0], visits: 0,
    keywords: ['领发票', '数电发票', '发票领用', '开票'], basis: `${INVOICE_LAW}第十五条`,
    faq: [['新办企业多久能领到发票？', '新办纳税人首次申领发票当日办结，数电发票无需领用实物发票。']],
  }),
  tax({
    code: 'SW-003', name: '增值税专用发票最高开票限额审批', category: '行政许可',
    conditions: '增值税一般纳税人或选择自行开具增值税专用发票的小规模纳税人，需要提高开票限额',
    materials: [applicationForm('增值税专用发票最高开票限额申请单'), paper('经营情况说明（购销合同等）', '复印件', { required: false })],
    limits: [20, 5], visits: 0, keywords: ['开票限额', '专票', '增值税专用发票'],
    basis: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；《税务行政许可实施办法》',
  }),
  tax({
    code: 'SW-004', name: '代开增值税发票', category: '公共服务', highFrequency: true,
    conditions: '已办理税务登记的小规模纳税人或其他个人发生应税行为，需要开具发票',
    materials: [idCard(), paper('购销合同或服务协议', '复印件'), ...agentPapers()], limits: [1, 0], onsiteReason: '个人首次代开需现场核验身份',
    keywords: ['代开发票', '个人开发票', '发票'], basis: `${INVOICE_LAW}第十六条`,
  }),
  tax({
    code: 'SW-005', name: '个人所得税综合所得汇算清缴', category: '公共服务',
    conditions: '取得综合所得需要办理年度汇算的居民个人，在次年3月1日至6月30日内办理',
    materials: [idCard(), paper('专项附加扣除相关信息', '电子', { required: false })], limits: [1, 0], visits: 0,
    keywords: ['个税', '退税', '汇算清缴', '个人所得税'], basis: '《中华人民共和国个人所得税法》第十条、第十一条',
  }),
  tax({
    code: 'SW-006', name: '二手房交易税费申报（契税、增值税、个人所得税）', category: '公共服务', highFrequency: true,
    windows: [...W.jiaoyiDengji, ...W.tax],
    conditions: '存量房买卖双方在办理不动产转移登记前申报缴纳相关税费',
    materials: [idCard('买卖双方'), paper('存量房买卖合同', '原件', { source: '网签备案系统打印' }), paper('原不动产权证书', '原件', { source: '不动产登记机构核发' })],
    limits: [1, 0], onsiteReason: '与不动产转移登记一窗受理、一次办结', onlinePayment: true,
    keywords: ['契税', '过户税', '二手房交税'], basis: '《中华人民共和国契税法》；《中华人民共和国个人所得税法》；《中华人民共和国增值税暂行条例》',
  }),
  tax({
    code: 'SW-007', name: '城乡居民社会保险费缴纳', category: '公共服务', highFrequency: true,
    conditions: '已参加城乡居民基本养老保险或基本医疗保险的居民，按年度缴纳保险费',
    materials: [idCard('参保人')], limits: [1, 0], visits: 0, onlinePayment: true,
    keywords: ['交医保', '交社保', '居民医保缴费', '养老保险缴费'], basis: '《中华人民共和国社会保险法》；《社会保险费征缴暂行条例》',
  }),
  tax({
    code: 'SW-008', name: '清税证明开具（税务注销）', category: '其他行政权力',
    conditions: '纳税人需要办理注销登记，已结清应纳税款、滞纳金、罚款并缴销发票',
    materials: [applicationForm('清税申报表'), idCard('经办人')], limits: [20, 0], visits: 0,
    keywords: ['清税', '税务注销', '注销'], basis: `${TAX_LAW}第十六条`,
  }),
  tax({
    code: 'SW-009', name: '完税证明开具', category: '公共服务',
    conditions: '已缴纳税款、需要证明完税情况的纳税人',
    materials: [idCard()], limits: [1, 0], visits: 0, keywords: ['完税证明', '纳税证明', '交税记录'],
    basis: '《税收票证管理办法》',
  }),
  tax({
    code: 'SW-010', name: '跨区域涉税事项报告', category: '公共服务',
    conditions: '到外县（市）临时从事生产经营活动的纳税人，在外出经营前报告',
    materials: [paper('跨区域涉税事项报告表', '电子')], limits: [1, 0], visits: 0,
    keywords: ['外经证', '跨区域', '外出经营'], basis: '《国家税务总局关于创新跨区域涉税事项报验管理制度的通知》（税总发〔2017〕103号）',
  }),
  fund({
    code: 'GJJ-001', name: '住房公积金提取（购买自住住房）', category: '公共服务', highFrequency: true,
    conditions: '购买、建造、翻建、大修自住住房的缴存职工及其配偶',
    materials: [...fundAccount(), paper('购房合同、发票或不动产权证书', '原件', { note: '已联网共享的免于提交' }), issued('结婚证', '婚姻登记机关', '原件', { required: false, note: '提取配偶公积金时提供' })],
    limits: [3, 0], onsiteReason: '需核验购房材料原件', keywords: ['公积金提取', '买房提公积金', '公积金'],
    basis: `${FUND_LAW}第二十四条`,
  }),
  fund({
    code: 'GJJ-002', name: '住房公积金提取（租房）', category: '公共服务', highFrequency: true,
    conditions: '本人及配偶在本县无自有住房且租房自住的缴存职工',
    materials: fundAccount(), limits: [3, 0], visits: 0, keywords: ['租房提取', '公积金提取', '公积金'],
    basis: `${FUND_LAW}第二十四条`,
    faq: [['租房提取需要租赁合同吗？', '无房证明和租赁备案信息通过数据共享核验，一般无需提交纸质材料。']],
  }),
  fund({
    code: 'GJJ-003', name: '住房公积金提取（离职、退休）', category: '公共服务',
    conditions: '离休、退休，或与单位终止劳动关系且户口迁出本县、出境定居的缴存职工',
    materials: [...fundAccount(), paper('退休证明或终止劳动关系证明', '复印件', { note: '可共享获取的免于提交' })],
    limits: [3, 0], onsiteReason: '需核验身份并签字确认销户', keywords: ['退休提取', '离职提取', '销户'],
    basis: `${FUND_LAW}第二十四条`,
  }),
  fund({
    code: 'GJJ-004', name: '住房公积金个人住房贷款申请', category: '公共服务', highFrequency: true,
    conditions: '连续足额缴存住房公积金6个月以上，购买、建造、翻建、大修自住住房的缴存职工',
    materials: [idCard('借款人及配偶'), issued('婚姻状况证明', '婚姻登记机关', '复印件'), paper('购房合同', '原件'), paper('首付款凭证', '复印件'), paper('收入证明', '原件')],
    limits: [15, 5], onsiteReason: '借款人需到场面签借款合同', deliveryByPost: false,
    keywords: ['公积金贷款', '买房贷款', '公积金'], basis: `${FUND_LAW}第二十六条`,
  }),
  fund({
    code: 'GJJ-005', name: '住房公积金单位缴存登记', category: '公共服务',
    conditions: '新设立的单位自设立之日起30日内办理住房公积金缴存登记',
    materials: [applicationForm('单位住房公积金缴存登记表'), businessLicence()], limits: [5, 0], visits: 0,
    keywords: ['公积金开户', '单位开户', '公积金缴存'], basis: `${FUND_LAW}第十四条`,
  }),
  fund({
    code: 'GJJ-006', name: '住房公积金异地转移接续', category: '公共服务',
    conditions: '跨城市就业、已在转入地开立住房公积金个人账户的缴存职工',
    materials: [idCard('缴存职工')], limits: [15, 5], visits: 0,
    keywords: ['公积金转移', '异地转移'], basis: `${FUND_LAW}；《全国住房公积金异地转移接续业务操作规程》`,
  }),
];
