// Small builders for the demo guides: the parts every guide shares (hours, complaint line,
// the usual process steps, the common papers) are written once here, so each item file only
// says what is particular to its items.
import type { ItemInputT } from '../../routes/admin/catalogue-schema.ts';
import type { ITEM_CATEGORIES, MATERIAL_FORMS } from '../../models/item.ts';

type Category = (typeof ITEM_CATEGORIES)[number];
type MaterialForm = (typeof MATERIAL_FORMS)[number];
export type Material = ItemInputT['materials'][number];
export type FeeItem = ItemInputT['fee']['items'][number];
export type SeedItem = ItemInputT;

export const HOURS = '工作日 上午9:00-12:00，下午13:30-17:00（法定节假日除外）';
export const COMPLAINT_LINE = '12345';
const DEFAULT_ONSITE_REASON = '需到窗口核验身份及材料原件';

/** One paper the applicant brings; `extra` sets standard, source, note, copies … */
export function paper(name: string, form: MaterialForm = '原件', extra: Partial<Material> = {}): Material {
  return {
    name, form, copies: 1, required: true, blankFormUrl: '', sampleUrl: '',
    acceptanceStandard: '', source: '申请人自备', note: '', deferrable: false, ...extra,
  };
}

/** The applicant's (or another person's) resident identity card, checked and handed back. */
export const idCard = (who = '申请人') =>
  paper(`${who}居民身份证`, '原件', { acceptanceStandard: '在有效期内，窗口核验后当场退还', source: '公安机关核发' });

/** A filled-in application form. */
export const applicationForm = (title: string) =>
  paper(title, '原件', { acceptanceStandard: '填写完整，申请人签字（单位加盖公章）', source: '窗口领取或小程序下载' });

/** The business licence, usually fetched from the shared electronic licence library. */
export const businessLicence = () =>
  paper('营业执照', '复印件', {
    acceptanceStandard: '加盖单位公章', source: '市场监督管理部门核发', note: '已归集电子营业执照的免于提交',
  });

/** The household register (户口簿). */
export const householdRegister = (who = '申请人') =>
  paper(`${who}居民户口簿`, '原件', { acceptanceStandard: '户主页及本人页齐全，核验后退还', source: '公安机关核发' });

/** Recent photos, to the given specification. */
export const photos = (copies: number, spec = '近期正面免冠二寸白底彩色照片') =>
  paper(spec, '原件', { copies, acceptanceStandard: '照片清晰、无涂改，近六个月内拍摄' });

/** Papers for an agent acting on the applicant's behalf (optional). */
export const agentPapers = (): Material[] => [
  paper('授权委托书', '原件', { required: false, acceptanceStandard: '载明委托事项和权限，委托人签字', note: '委托他人代办时提供' }),
  paper('受托人居民身份证', '原件', { required: false, source: '公安机关核发', note: '委托他人代办时提供，核验后退还' }),
];

/** A paper issued by another authority, e.g. a certificate from a hospital. */
export const issued = (name: string, issuer: string, form: MaterialForm = '原件', extra: Partial<Material> = {}) =>
  paper(name, form, { source: issuer, ...extra });

/** A fee item in fen. */
export const fee = (name: string, amountFen: number, basis: string, waivable = false): FeeItem => ({ name, amountFen, basis, waivable });

export interface ItemSpec {
  code: string;
  name: string;
  category: Category;
  conditions: string;
  materials: Material[];
  /** [legal, promised] in working days; promised 0 makes it an 即办件. */
  limits: [number, number];
  basis: string;
  keywords: string[];
  fees?: FeeItem[];
  steps?: [string, string][];
  /** Visits to the center; 0 means fully online. Defaults to 1. */
  visits?: number;
  onsiteReason?: string;
  highFrequency?: boolean;
  faq?: [string, string][];
  windows?: readonly string[];
  onlineBooking?: boolean;
  onlinePreReview?: boolean;
  onlinePayment?: boolean;
  deliveryByPost?: boolean;
}

/** Returns a builder of one department's items, with its helpline and usual windows. */
export function departmentItems(department: string, helpline: string, windows: readonly string[]) {
  return (spec: ItemSpec): SeedItem => buildItem(department, helpline, windows, spec);
}

function buildItem(department: string, helpline: string, defaultWindows: readonly string[], spec: ItemSpec): SeedItem {
  const [legalLimitDays, promisedLimitDays] = spec.limits;
  const caseType = promisedLimitDays === 0 ? 'immediate' : 'promised';
  const visits = spec.visits ?? 1;
  const fees = spec.fees ?? [];
  const onsiteReason = visits > 0 ? (spec.onsiteReason ?? DEFAULT_ONSITE_REASON) : '';
  return {
    code: spec.code,
    name: spec.name,
    published: true,
    department,
    category: spec.category,
    caseType,
    conditions: spec.conditions,
    materials: spec.materials,
    process: (spec.steps ?? defaultSteps(caseType, promisedLimitDays)).map(([step, description]) => ({ step, description })),
    legalLimitDays,
    promisedLimitDays,
    fee: { charged: fees.length > 0, items: fees },
    windows: [...(spec.windows ?? defaultWindows)],
    hours: HOURS,
    helpline,
    complaintLine: COMPLAINT_LINE,
    visits,
    onsiteReason,
    onlineBooking: spec.onlineBooking ?? true,
    onlinePreReview: spec.onlinePreReview ?? caseType === 'promised',
    onlinePayment: spec.onlinePayment ?? fees.length > 0,
    deliveryByPost: spec.deliveryByPost ?? caseType === 'promised',
    highFrequency: spec.highFrequency ?? false,
    keywords: spec.keywords,
    faq: [...(spec.faq ?? []), ...standardFaq(visits, onsiteReason, caseType, promisedLimitDays)].map(([q, a]) => ({ q, a })),
    legalBasis: spec.basis,
  };
}

function defaultSteps(caseType: 'immediate' | 'promised', promisedDays: number): [string, string][] {
  if (caseType === 'immediate') {
    return [
      ['申请', '通过小程序预约或直接到窗口取号，提交申请材料'],
      ['受理', '窗口工作人员核验身份和材料，材料齐全、符合法定形式的当场受理'],
      ['审核', '窗口当场审核'],
      ['办结', '当场办结并出具办理结果'],
    ];
  }
  return [
    ['申请', '通过小程序在线预审或到窗口提交申请材料'],
    ['受理', '材料齐全、符合法定形式的予以受理并出具受理通知书；材料不全的一次性告知需补正的全部内容'],
    ['审查', '承办科室对申请材料进行审查，需要现场核查的组织现场核查'],
    ['决定', `自受理之日起 ${promisedDays} 个工作日内作出决定`],
    ['送达', '窗口领取或免费邮寄送达办理结果'],
  ];
}

function standardFaq(visits: number, onsiteReason: string, caseType: string, promisedDays: number): [string, string][] {
  const trips = visits === 0 ? '可全程网上办理，无需到现场。' : `最多跑 ${visits} 次：${onsiteReason}。`;
  const time = caseType === 'immediate' ? '材料齐全的当场办结。' : `承诺自受理之日起 ${promisedDays} 个工作日内办结。`;
  return [
    ['办理这个事项需要跑几次？', trips],
    ['多久能办好？', time],
  ];
}
