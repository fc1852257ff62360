// 县民政局, 县退役军人事务局 and 县残疾人联合会: marriage and adoption registration, social
// assistance, veterans' services and disability services (the social-affairs comprehensive window).
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { agentPapers, applicationForm, departmentItems, householdRegister, idCard, issued, paper, photos } from './guide-kit.ts';

const marriage = departmentItems('MZ', helplineOf('MZ'), W.civil);
const civil = departmentItems('MZ', helplineOf('MZ'), [...W.shehuiShiwu, ...W.civil]);
const veterans = departmentItems('TYJR', helplineOf('TYJR'), [...W.shehuiShiwu, ...W.veterans]);
const disabled = departmentItems('CL', helplineOf('CL'), [...W.shehuiShiwu, ...W.disabled]);

const MARRIAGE_LAW = '《中华人民共和国民法典》婚姻家庭编；《婚姻登记条例》';
const ASSISTANCE_LAW = '《社会救助暂行办法》（国务院令第649号）';
const BOTH_PRESENT = '婚姻登记须当事人双方亲自到场';
const MARRIAGE_STEPS: [string, string][] = [
  ['预约', '通过小程序预约登记日期和时段（可选择颁证仪式）'],
  ['申请', '双方持证件到婚姻登记窗口，填写并当场签署声明书'],
  ['审查', '婚姻登记员当场审查证件和声明'],
  ['登记', '符合条件的当场登记，颁发证件'],
];
const household = () => [idCard('申请人及共同生活家庭成员'), householdRegister(), paper('家庭收入和财产情况说明', '原件'), paper('家庭经济状况核对授权书', '原件', { acceptanceStandard: '家庭成员均签字' })];
const veteranPapers = () => [idCard('退役军人'), issued('退出现役证明（退伍证）', '部队或退役军人事务部门', '原件')];
const DISABILITY_LAW = '《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》';

export const civilAffairsItems = [
  marriage({
    code: 'MZ-001', name: '结婚登记', category: '行政确认', highFrequency: true,
    conditions: '男女双方完全自愿，均达到法定婚龄（男22周岁、女20周岁），均无配偶且不属于禁止结婚的亲属关系',
    materials: [idCard('男女双方'), photos(3, '双方近期半身免冠合影二寸红底彩色照片')],
    limits: [0, 0], steps: MARRIAGE_STEPS, onsiteReason: BOTH_PRESENT, deliveryByPost: false,
    keywords: ['领证', '结婚证', '结婚', '婚姻登记'], basis: `${MARRIAGE_LAW}第一千零四十九条`,
    faq: [['还要带户口簿吗？', '不需要。婚姻登记实行全国通办，凭双方居民身份证即可办理。']],
  }),
  marriage({
    code: 'MZ-002', name: '离婚登记', category: '行政确认', highFrequency: true,
    conditions: '男女双方自愿离婚，对子女抚养、财产及债务处理等事项协商一致，并签订书面离婚协议',
    materials: [idCard('男女双方'), issued('结婚证', '婚姻登记机关'), paper('离婚协议书', '原件', { copies: 3, acceptanceStandard: '双方签字' }), photos(2, '本人近期半身免冠二寸照片（每人）')],
    limits: [60, 30], visits: 2, deliveryByPost: false,
    onsiteReason: '申请时和30日离婚冷静期届满后申请发证时，双方均须亲自到场',
    keywords: ['离婚', '离婚证', '协议离婚'], basis: `${MARRIAGE_LAW}第一千零七十六条至第一千零七十八条`,
    steps: [
      ['申请', '双方持证件和离婚协议到窗口申请，登记机关出具《离婚登记申请受理回执单》'],
      ['冷静期', '自受理之日起30日内任何一方不愿离婚的，可撤回申请'],
      ['申请发证', '冷静期届满后30日内，双方亲自到场申请发给离婚证'],
      ['发证', '审查符合条件的当场登记，发给离婚证'],
    ],
  }),
  marriage({
    code: 'MZ-003', name: '补领婚姻登记证', category: '行政确认', highFrequency: true,
    conditions: '结婚证、离婚证遗失或损毁，婚姻登记档案可查的当事人',
    materials: [idCard(), photos(3, '近期半身免冠二寸照片（补结婚证为双方合影）')], limits: [20, 0],
    onsiteReason: '需当事人本人到场', keywords: ['补结婚证', '结婚证丢了', '补离婚证'], basis: MARRIAGE_LAW,
  }),
  marriage({
    code: 'MZ-004', name: '收养登记', category: '行政确认',
    conditions: '收养人、送养人和被收养人符合《民法典》规定的条件，收养人经收养评估',
    materials: [idCard('收养人'), householdRegister('收养人'), issued('收养人婚姻状况证明及健康检查证明', '婚姻登记机关、县级以上医疗机构'), paper('收养协议书', '原件', { required: false }), photos(3)],
    limits: [30, 20], onsiteReason: '收养关系当事人须亲自到场', keywords: ['收养', '领养'],
    basis: '《中华人民共和国民法典》第一千一百零五条；《中国公民收养子女登记办法》',
  }),
  civil({
    code: 'MZ-005', name: '最低生活保障审核确认', category: '行政给付',
    conditions: '本县户籍、共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产符合规定',
    materials: household(), limits: [30, 25], onsiteReason: '需签署家庭经济状况核对授权书',
    keywords: ['低保', '最低生活保障', '救助'], basis: `${ASSISTANCE_LAW}；《最低生活保障审核确认办法》`,
  }),
  civil({
    code: 'MZ-006', name: '特困人员救助供养审核确认', category: '行政给付',
    conditions: '无劳动能力、无生活来源，且无法定赡养抚养扶养义务人或其义务人无履行能力的老年人、残疾人和未成年人',
    materials: household(), limits: [30, 25], onsiteReason: '需签署家庭经济状况核对授权书',
    keywords: ['特困', '五保', '供养'], basis: `${ASSISTANCE_LAW}；《特困人员认定办法》`,
  }),
  civil({
    code: 'MZ-007', name: '临时救助', category: '行政给付',
    conditions: '因火灾、交通事故、突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人',
    materials: [...household(), paper('困难情况证明（医疗费用票据等）', '复印件')], limits: [15, 10],
    onsiteReason: '需签署家庭经济状况核对授权书', keywords: ['临时救助', '急难救助', '困难补助'], basis: ASSISTANCE_LAW,
  }),
  civil({
    code: 'MZ-008', name: '社会团体成立登记', category: '行政许可',
    conditions: '有50个以上个人会员或30个以上单位会员，有规范的名称、组织机构、固定住所和合法资产，已获业务主管单位同意',
    materials: [applicationForm('社会团体成立登记申请书'), issued('业务主管单位批准文件', '业务主管单位'), paper('章程草案', '原件'), paper('验资报告和住所使用证明', '复印件')],
    limits: [60, 30], onsiteReason: '需提交拟任负责人签字的材料原件', keywords: ['社团', '协会', '商会', '社会组织'],
    basis: '《社会团体登记管理条例》第九条、第十二条',
  }),
  civil({
    code: 'MZ-009', name: '民办非企业单位成立登记', category: '行政许可',
    conditions: '利用非国有资产举办、从事非营利性社会服务活动，已获业务主管单位审查同意',
    materials: [applicationForm('民办非企业单位成立登记申请书'), issued('业务主管单位批准文件', '业务主管单位'), paper('章程草案', '原件'), paper('验资报告和场所使用权证明', '复印件')],
    limits: [60, 30], onsiteReason: '需提交拟任负责人签字的材料原件', keywords: ['民非', '社会服务机构', '社会组织'],
    basis: '《民办非企业单位登记管理暂行条例》',
  }),
  veterans({
    code: 'TYJR-001', name: '退役军人优待证申领', category: '公共服务', highFrequency: true,
    conditions: '户籍在本县的退役军人和其他优抚对象，已完成信息采集',
    materials: [...veteranPapers(), paper('本人近期免冠彩色电子照片', '电子')], limits: [30, 20], visits: 0,
    keywords: ['优待证', '退役军人', '军人优待'], basis: '《中华人民共和国退役军人保障法》；《退役军人、其他优抚对象优待证管理办法（试行）》',
  }),
  veterans({
    code: 'TYJR-002', name: '退役军人信息采集', category: '公共服务',
    conditions: '户籍在本县或在本县安置的退役军人',
    materials: veteranPapers(), limits: [5, 0], onsiteReason: '需核验退出现役证明原件',
    keywords: ['信息采集', '退役军人'], basis: '《中华人民共和国退役军人保障法》',
  }),
  veterans({
    code: 'TYJR-003', name: '伤残抚恤关系转移', category: '公共服务',
    conditions: '伤残军人户籍跨县迁移，需将伤残抚恤关系转入或转出本县',
    materials: [...veteranPapers(), issued('残疾军人证', '退役军人事务部门'), householdRegister('迁入地')],
    limits: [30, 15], onsiteReason: '需核验残疾军人证原件', keywords: ['伤残抚恤', '抚恤转移', '残疾军人'],
    basis: '《军人抚恤优待条例》；《伤残抚恤管理办法》',
  }),
  veterans({
    code: 'TYJR-004', name: '自主就业退役士兵一次性经济补助金给付', category: '行政给付',
    conditions: '选择自主就业、已在本县办理退役报到的退役士兵',
    materials: [...veteranPapers(), paper('本人银行卡', '复印件')], limits: [30, 20], visits: 0,
    keywords: ['退役补助', '一次性经济补助', '自主就业'], basis: '《退役士兵安置条例》',
  }),
  disabled({
    code: 'CL-001', name: '残疾人证办理（新办）', category: '公共服务', highFrequency: true,
    conditions: '本县户籍，符合视力、听力、言语、肢体、智力、精神残疾标准的人员',
    materials: [idCard(), householdRegister(), photos(2, '近期正面免冠二寸白底彩色照片'), ...agentPapers()],
    limits: [30, 15], onsiteReason: '需到指定医疗机构现场评定残疾类别和等级（行动不便的可申请上门评残）',
    keywords: ['残疾证', '残疾人证', '评残'], basis: DISABILITY_LAW,
  }),
  disabled({
    code: 'CL-002', name: '残疾人证换领、补领', category: '公共服务',
    conditions: '残疾人证有效期满、遗失或损毁，或残疾类别、等级发生变化的持证人',
    materials: [idCard(), issued('原残疾人证', '残疾人联合会', '原件', { required: false, note: '遗失补领的免于提交' }), photos(2)],
    limits: [15, 5], visits: 0, keywords: ['残疾证', '换证', '补证'], basis: DISABILITY_LAW,
  }),
  disabled({
    code: 'CL-003', name: '困难残疾人生活补贴和重度残疾人护理补贴申请', category: '行政给付',
    conditions: '持第二代残疾人证，属于低保家庭的残疾人，或残疾等级为一级、二级的重度残疾人',
    materials: [idCard(), issued('第二代残疾人证', '残疾人联合会'), ...agentPapers()], limits: [30, 20], visits: 0,
    keywords: ['两项补贴', '护理补贴', '残疾补贴'], basis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
  }),
  disabled({
    code: 'CL-004', name: '残疾人辅助器具适配申请', category: '公共服务',
    conditions: '持有残疾人证、有辅助器具适配需求的本县残疾人',
    materials: [idCard(), issued('残疾人证', '残疾人联合会'), applicationForm('辅助器具适配申请表')], limits: [20, 15],
    onsiteReason: '需现场评估适配', keywords: ['辅具', '轮椅', '助听器', '假肢'], basis: DISABILITY_LAW,
  }),
];
