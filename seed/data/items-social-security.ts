// 县人力资源和社会保障局 and 县医疗保障局: social security cards, pension and unemployment
// insurance, employment; medical insurance enrolment, reimbursement, cross-region care.
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { agentPapers, applicationForm, businessLicence, departmentItems, householdRegister, idCard, issued, paper } from './guide-kit.ts';

const rs = departmentItems('RS', helplineOf('RS'), W.social);
const yb = departmentItems('YB', helplineOf('YB'), W.medical);

const SOCIAL_INSURANCE_LAW = '《中华人民共和国社会保险法》';
const CARD_RULES = `${SOCIAL_INSURANCE_LAW}；《社会保障卡管理办法》`;
const MEDICAL_LAW = `${SOCIAL_INSURANCE_LAW}；《医疗保障经办政务服务事项清单》`;
const unitEnrolment = (title: string) => [applicationForm(title), businessLicence(), paper('参保职工花名册', '电子')];

export const socialSecurityItems = [
  rs({
    code: 'RS-001', name: '社会保障卡补领（补换卡）', category: '公共服务', highFrequency: true,
    conditions: '社会保障卡遗失、损坏或需要换发第三代社会保障卡的参保人员，已办理挂失',
    materials: [idCard(), ...agentPapers()], limits: [5, 0], onsiteReason: '窗口即时制卡需本人或代办人到场领卡',
    keywords: ['社保卡', '补卡', '社保卡丢了', '换卡'], basis: CARD_RULES,
    faq: [['补卡要收费吗？', '不收费。窗口即时制卡，当场领取；也可在小程序申请后邮寄到家。']],
  }),
  rs({
    code: 'RS-002', name: '社会保障卡申领', category: '公共服务', highFrequency: true,
    conditions: '在本县参加社会保险、尚未领取社会保障卡的人员（含新生儿）',
    materials: [idCard(), paper('本人近期电子照片', '电子', { note: '窗口可现场拍摄' })], limits: [5, 0],
    onsiteReason: '即时制卡需现场领卡', keywords: ['社保卡', '办社保卡', '新生儿社保卡'], basis: CARD_RULES,
  }),
  rs({
    code: 'RS-003', name: '职工养老保险参保登记（单位）', category: '公共服务', highFrequency: true,
    conditions: '依法成立的用人单位，自成立之日起30日内为职工办理社会保险登记',
    materials: unitEnrolment('社会保险参保登记表（单位）'), limits: [15, 0], visits: 0,
    keywords: ['社保登记', '单位参保', '养老保险', '五险'], basis: `${SOCIAL_INSURANCE_LAW}第五十七条、第五十八条`,
  }),
  rs({
    code: 'RS-004', name: '灵活就业人员养老保险参保登记', category: '公共服务', highFrequency: true,
    conditions: '无雇工的个体工商户、未在用人单位参保的非全日制从业人员及其他灵活就业人员',
    materials: [idCard(), applicationForm('灵活就业人员参保登记表')], limits: [15, 0], visits: 0,
    keywords: ['灵活就业', '个人交社保', '养老保险'], basis: `${SOCIAL_INSURANCE_LAW}第十条`,
  }),
  rs({
    code: 'RS-005', name: '失业保险金申领', category: '行政给付', highFrequency: true,
    conditions: '失业前用人单位和本人已缴纳失业保险费满一年，非因本人意愿中断就业，已办理失业登记并有求职要求',
    materials: [idCard(), issued('解除或终止劳动合同证明', '原用人单位', '复印件', { note: '可通过部门数据共享获取的免于提交' }), paper('本人社会保障卡（金融账户已激活）', '原件', { note: '核验后退还' })],
    limits: [20, 5], visits: 0, deliveryByPost: false,
    keywords: ['失业金', '失业保险', '领失业金'], basis: `${SOCIAL_INSURANCE_LAW}第四十五条；《失业保险条例》第十四条`,
  }),
  rs({
    code: 'RS-006', name: '职工基本养老保险待遇申领（退休）', category: '行政给付', highFrequency: true,
    conditions: '达到法定退休年龄且累计缴费满15年（或按规定延迟退休的最低缴费年限）的参保人员',
    materials: [idCard(), paper('本人社会保障卡', '原件', { note: '核验后退还' }), issued('职工个人档案（视同缴费年限认定需要时）', '档案保管单位', '原件', { required: false })],
    limits: [20, 10], onsiteReason: '首次申领需核验本人身份和档案', deliveryByPost: false,
    keywords: ['退休', '养老金', '办退休'], basis: `${SOCIAL_INSURANCE_LAW}第十六条；《国务院关于完善企业职工基本养老保险制度的决定》`,
  }),
  rs({
    code: 'RS-007', name: '养老保险关系转移接续', category: '公共服务',
    conditions: '跨统筹地区流动就业并在新就业地参保的职工基本养老保险参保人员',
    materials: [idCard(), applicationForm('基本养老保险关系转移接续申请表')], limits: [45, 15], visits: 0,
    keywords: ['社保转移', '养老保险转移', '换工作社保'], basis: '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）',
  }),
  rs({
    code: 'RS-008', name: '城乡居民基本养老保险参保登记', category: '公共服务',
    conditions: '年满16周岁（不含在校学生），不属于职工基本养老保险覆盖范围的本县户籍居民',
    materials: [idCard(), householdRegister()], limits: [10, 0], visits: 0,
    keywords: ['城乡居民养老', '农村养老保险', '新农保'], basis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
  }),
  rs({
    code: 'RS-009', name: '工伤认定申请', category: '行政确认',
    conditions: '职工发生事故伤害或被诊断、鉴定为职业病，用人单位在30日内（或工伤职工及其近亲属在1年内）提出申请',
    materials: [applicationForm('工伤认定申请表'), paper('劳动关系证明（劳动合同等）', '复印件'), issued('医疗诊断证明或职业病诊断证明书', '医疗机构', '复印件'), idCard('受伤职工')],
    limits: [60, 30], onsiteReason: '需提交证据材料原件核对', keywords: ['工伤', '工伤认定', '职业病'],
    basis: '《工伤保险条例》第十七条、第二十条；《工伤认定办法》',
  }),
  rs({
    code: 'RS-010', name: '就业创业证申领', category: '公共服务',
    conditions: '在法定劳动年龄内、有劳动能力和就业要求的城乡劳动者，及高校毕业生',
    materials: [idCard()], limits: [5, 0], visits: 0, keywords: ['就业创业证', '失业登记', '就业登记'],
    basis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》',
  }),
  rs({
    code: 'RS-011', name: '劳动人事争议仲裁申请', category: '行政裁决',
    conditions: '与用人单位发生劳动人事争议、在仲裁时效（一年）内，有明确的被申请人和具体仲裁请求',
    materials: [paper('仲裁申请书', '原件', { copies: 2, acceptanceStandard: '按被申请人人数提交副本' }), idCard(), paper('证据材料', '复印件')],
    limits: [5, 5], onsiteReason: '仲裁需当事人到场签收和参加庭审', deliveryByPost: false,
    keywords: ['劳动仲裁', '欠薪', '劳动纠纷'], basis: '《中华人民共和国劳动争议调解仲裁法》第二十九条',
  }),
  yb({
    code: 'YB-001', name: '医保异地就医备案', category: '公共服务', highFrequency: true,
    conditions: '异地安置退休、异地长期居住、常驻异地工作、异地转诊及临时外出就医的本县参保人员',
    materials: [idCard(), paper('异地就医备案承诺书', '电子', { note: '线上备案时在线签署' })], limits: [5, 0], visits: 0,
    keywords: ['异地就医', '医保备案', '外地看病', '跨省就医'], basis: `${MEDICAL_LAW}；《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》`,
    faq: [['备案后多久生效？', '即时生效，可在国家医保服务平台APP或小程序自助办理。']],
  }),
  yb({
    code: 'YB-002', name: '城乡居民基本医疗保险参保登记', category: '公共服务', highFrequency: true,
    conditions: '不属于职工基本医疗保险覆盖范围的本县户籍居民、持居住证的常住人员及新生儿',
    materials: [idCard(), householdRegister()], limits: [10, 0], visits: 0,
    keywords: ['居民医保', '农村医保', '新生儿医保', '参保'], basis: MEDICAL_LAW,
  }),
  yb({
    code: 'YB-003', name: '职工基本医疗保险参保登记', category: '公共服务',
    conditions: '用人单位及其职工、无雇工的个体工商户和灵活就业人员',
    materials: unitEnrolment('职工医疗保险参保登记表'), limits: [10, 0], visits: 0,
    keywords: ['职工医保', '单位医保'], basis: MEDICAL_LAW,
  }),
  yb({
    code: 'YB-004', name: '医疗费用手工（零星）报销', category: '行政给付', highFrequency: true,
    conditions: '因急诊抢救、异地就医未能直接结算等原因，个人垫付医疗费用的参保人员',
    materials: [idCard(), issued('医疗费用收据（发票）', '医疗机构'), issued('费用明细清单', '医疗机构'), issued('出院小结或门诊病历', '医疗机构', '复印件'), ...agentPapers()],
    limits: [30, 20], onsiteReason: '需提交医疗费用票据原件', deliveryByPost: false,
    keywords: ['医保报销', '零星报销', '垫付报销'], basis: MEDICAL_LAW,
  }),
  yb({
    code: 'YB-005', name: '门诊慢特病待遇认定', category: '行政确认', highFrequency: true,
    conditions: '患有高血压、糖尿病、恶性肿瘤门诊治疗等规定病种，符合认定标准的参保人员',
    materials: [idCard(), issued('二级及以上医疗机构诊断证明及相关检查报告', '医疗机构', '复印件')],
    limits: [20, 10], onsiteReason: '需提交病历资料原件核对', keywords: ['慢性病', '特殊病', '门诊慢特病', '慢病卡'],
    basis: `${MEDICAL_LAW}；《国家医疗保障局 财政部关于建立医疗保障待遇清单制度的意见》`,
  }),
  yb({
    code: 'YB-006', name: '基本医疗保险关系转移接续', category: '公共服务',
    conditions: '跨统筹地区流动就业、已在转入地参保的参保人员',
    materials: [idCard(), applicationForm('基本医疗保障关系转移接续申请表')], limits: [15, 10], visits: 0,
    keywords: ['医保转移', '医保关系转移'], basis: '《基本医疗保障关系转移接续暂行办法》',
  }),
  yb({
    code: 'YB-007', name: '生育津贴申领', category: '行政给付',
    conditions: '用人单位已为其缴纳生育保险费，符合生育政策的职工',
    materials: [idCard(), issued('出生医学证明或医疗机构诊断证明', '医疗机构', '复印件')], limits: [20, 10], visits: 0,
    keywords: ['生育津贴', '生育保险', '产假工资'], basis: `${SOCIAL_INSURANCE_LAW}第五十四条至第五十六条`,
  }),
];
