// 县公安局: 户政 (identity cards, household registration, certificates) and 出入境 (exit-entry documents).
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { agentPapers, applicationForm, departmentItems, fee, householdRegister, idCard, issued, paper, photos } from './guide-kit.ts';

const item = departmentItems('GA', helplineOf('GA'), W.huzheng);
const exitEntry = departmentItems('GA', '0571-86110119', W.churujing);

const ID_CARD_LAW = '《中华人民共和国居民身份证法》；《公安部关于建立居民身份证异地受理挂失申报和丢失招领制度的意见》';
const ID_FEE_BASIS = '《国家发展改革委 财政部关于第二代居民身份证收费标准的通知》（发改价格〔2003〕2322号）';
const EXIT_FEE_BASIS = '《国家发展改革委 财政部关于降低因私普通护照等出入境证件收费标准的通知》（发改价格〔2019〕914号）';
const HUKOU_LAW = '《中华人民共和国户口登记条例》；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）';
const CAPTURE = '需现场采集人像、指纹信息';
const CARD_STEPS: [string, string][] = [
  ['申请', '到任一户政窗口取号，无需提供照片，现场拍摄或使用小程序上传合格照片回执'],
  ['受理', '核验身份，采集人像和指纹，缴纳工本费'],
  ['制证', '上级公安机关制作居民身份证'],
  ['领证', '到受理窗口领取或选择邮寄送达'],
];
const exitEntryPapers = () => [idCard(), paper('出入境证件申请表', '原件', { source: '窗口现场打印', acceptanceStandard: '申请人核对信息后签名' })];

export const publicSecurityItems = [
  item({
    code: 'GA-001', name: '居民身份证换领', category: '行政确认', highFrequency: true,
    conditions: '居民身份证有效期满、证件损坏或登记项目变更的本县常住户口居民，以及在本县居住的外地户籍居民（异地换领）',
    materials: [paper('原居民身份证', '原件', { source: '公安机关核发', acceptanceStandard: '有效期满前三个月内可申请换领' }), householdRegister()],
    limits: [60, 15], steps: CARD_STEPS, onsiteReason: CAPTURE, deliveryByPost: true,
    fees: [fee('居民身份证工本费', 2000, ID_FEE_BASIS)],
    keywords: ['身份证', '换证', '到期换证', '异地换领'], basis: ID_CARD_LAW,
    faq: [['身份证快到期了，什么时候可以换？', '有效期满前三个月内即可申请换领，过期后也可以办理。']],
  }),
  item({
    code: 'GA-002', name: '居民身份证补领', category: '行政确认', highFrequency: true,
    conditions: '居民身份证丢失的居民，可在户籍地或居住地公安机关申请补领',
    materials: [householdRegister()], limits: [60, 15], steps: CARD_STEPS, onsiteReason: CAPTURE,
    fees: [fee('居民身份证工本费（丢失补领）', 4000, ID_FEE_BASIS)],
    keywords: ['身份证', '补证', '身份证丢了', '挂失'], basis: ID_CARD_LAW,
    faq: [['补领期间需要用证怎么办？', '可同时申请办理临时居民身份证，当场领取。']],
  }),
  item({
    code: 'GA-003', name: '临时居民身份证办理', category: '行政确认',
    conditions: '正在申领、换领、补领居民身份证期间急需使用居民身份证的本县户籍居民',
    materials: [householdRegister(), photos(1, '近期正面免冠一寸白底彩色照片')], limits: [3, 0],
    onsiteReason: '需现场核验身份', onlinePayment: false,
    fees: [fee('临时居民身份证工本费', 1000, '国家发展改革委、财政部核定的临时居民身份证工本费标准')],
    keywords: ['临时身份证', '急用', '身份证'], basis: '《中华人民共和国临时居民身份证管理办法》',
  }),
  item({
    code: 'GA-004', name: '户口迁移（迁入）', category: '行政确认', highFrequency: true,
    conditions: '在本县合法稳定就业并有合法稳定住所、投靠直系亲属、购房落户或升学毕业回迁的人员',
    materials: [
      idCard(), householdRegister('迁入地'), issued('合法稳定住所证明（不动产权证书或租赁备案证明）', '不动产登记机构或住建部门', '复印件'),
      paper('投靠关系证明（结婚证、出生医学证明等）', '复印件', { required: false, note: '投靠亲属落户时提供' }),
      applicationForm('户口迁移申请表'), ...agentPapers(),
    ],
    limits: [20, 3], keywords: ['户口', '落户', '迁户口', '户籍迁入'], basis: HUKOU_LAW,
    faq: [['跨省迁户口还要回原籍开迁移证吗？', '不需要。实行跨省户口迁移“一站式”办理，只需在迁入地申请。']],
  }),
  item({
    code: 'GA-005', name: '出生登记（新生儿入户）', category: '行政确认', highFrequency: true,
    conditions: '婴儿出生后一个月内，由户主、亲属或监护人向父亲或母亲常住户口所在地户口登记机关申报',
    materials: [issued('出生医学证明', '助产医疗机构', '原件'), idCard('父母双方'), householdRegister('父亲或母亲'), issued('父母结婚证', '婚姻登记机关', '复印件', { required: false })],
    limits: [20, 0], visits: 0, keywords: ['新生儿', '上户口', '报户口', '出生'], basis: HUKOU_LAW,
    faq: [['可以网上办理吗？', '可以。“出生一件事”联办，在小程序提交后户口簿邮寄到家。']], deliveryByPost: true,
  }),
  item({
    code: 'GA-006', name: '死亡人员户口注销', category: '行政确认',
    conditions: '本县户籍人员死亡后一个月内，由户主、亲属或抚养人申报注销户口',
    materials: [issued('居民死亡医学证明（推断）书或火化证明', '医疗机构或殡葬服务机构'), householdRegister('死者'), idCard('申报人')],
    limits: [20, 0], keywords: ['销户', '死亡注销', '户口注销'], basis: HUKOU_LAW,
  }),
  item({
    code: 'GA-007', name: '户籍类证明开具', category: '公共服务', highFrequency: true,
    conditions: '本县户籍居民因办理事务需要户籍证明、亲属关系证明（户籍信息可查的）等',
    materials: [idCard(), householdRegister(), ...agentPapers()], limits: [5, 0], visits: 0,
    keywords: ['户籍证明', '亲属关系证明', '开证明'], basis: '《公安部关于规范户籍类证明出具工作的通知》',
    faq: [['哪些证明不用再开？', '法律法规未规定的证明一律不再开具，可由办事部门通过数据共享核验。']],
  }),
  item({
    code: 'GA-008', name: '户口登记项目变更更正', category: '行政确认',
    conditions: '户口登记项目（姓名、出生日期、民族等）需变更或登记错误需更正的本县户籍居民',
    materials: [idCard(), householdRegister(), paper('变更更正依据（原始档案、出生医学证明等）', '原件'), applicationForm('户口登记项目变更更正申请表')],
    limits: [30, 10], keywords: ['改名', '更正出生日期', '户口变更'], basis: HUKOU_LAW,
  }),
  item({
    code: 'GA-009', name: '居住证申领', category: '行政确认', highFrequency: true,
    conditions: '离开常住户口所在地到本县居住半年以上，且有合法稳定就业、合法稳定住所或连续就读条件之一的人员',
    materials: [idCard(), issued('居住登记凭证及合法稳定住所、就业或就读证明', '居住地派出所或用人单位', '复印件')],
    limits: [15, 7], onsiteReason: '首次申领需现场采集人像', keywords: ['居住证', '暂住证', '外来人员'],
    basis: '《居住证暂行条例》（国务院令第663号）',
    faq: [['办居住证收费吗？', '首次申领不收费；换领、补领按规定收取工本费。']],
  }),
  item({
    code: 'GA-010', name: '无犯罪记录证明开具', category: '公共服务', highFrequency: true,
    conditions: '本县户籍居民或在本县居住的人员，因就业、出国等需要证明本人无犯罪记录',
    materials: [idCard(), ...agentPapers()], limits: [3, 1], visits: 0, deliveryByPost: false,
    keywords: ['无犯罪证明', '良民证', '政审'], basis: '《公安部关于印发〈关于办理无犯罪记录证明的工作规范〉的通知》',
    faq: [['证明可以在网上查验吗？', '可以。电子证明附有二维码，用人单位扫码即可核验真伪。']],
  }),
  exitEntry({
    code: 'GA-011', name: '普通护照签发', category: '行政许可', highFrequency: true,
    conditions: '中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国',
    materials: exitEntryPapers(), limits: [15, 7], onsiteReason: CAPTURE,
    fees: [fee('普通护照工本费', 12000, EXIT_FEE_BASIS)],
    keywords: ['护照', '出国', '办护照'], basis: '《中华人民共和国护照法》第五条、第六条；《中华人民共和国出境入境管理法》',
  }),
  exitEntry({
    code: 'GA-012', name: '往来港澳通行证及签注签发', category: '行政许可', highFrequency: true,
    conditions: '内地居民因旅游、探亲、商务、学习等事由往来香港、澳门地区',
    materials: exitEntryPapers(), limits: [30, 7], onsiteReason: CAPTURE,
    fees: [fee('往来港澳通行证工本费', 6000, EXIT_FEE_BASIS), fee('赴港澳一次有效签注', 1500, EXIT_FEE_BASIS)],
    keywords: ['港澳通行证', '去香港', '去澳门', '港澳签注'], basis: '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》',
  }),
  exitEntry({
    code: 'GA-013', name: '往来台湾通行证及签注签发', category: '行政许可',
    conditions: '大陆居民因旅游、探亲、商务等事由前往台湾地区',
    materials: exitEntryPapers(), limits: [15, 7], onsiteReason: CAPTURE,
    fees: [fee('往来台湾通行证工本费', 6000, EXIT_FEE_BASIS), fee('赴台一次有效签注', 1500, EXIT_FEE_BASIS)],
    keywords: ['台湾通行证', '去台湾', '赴台签注'], basis: '《中国公民往来台湾地区管理办法》',
  }),
  exitEntry({
    code: 'GA-014', name: '港澳台再次签注（自助办理）', category: '行政许可',
    conditions: '持有效电子往来港澳（台湾）通行证、申请同类签注的内地居民',
    materials: [paper('电子往来港澳通行证或往来台湾通行证', '原件', { source: '出入境管理部门核发', note: '核验后退还' })],
    limits: [7, 0], visits: 0, onlineBooking: false,
    fees: [fee('签注费（一次有效）', 1500, EXIT_FEE_BASIS)],
    keywords: ['再次签注', '自助签注', '续签'], basis: '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》',
    faq: [['自助签注机在哪里？', '一楼A区出入境业务窗口旁设有24小时自助签注机，也可在小程序在线申请。']],
  }),
];
