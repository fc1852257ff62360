// Request schemas for catalogue administration: departments, windows, items.
import { z } from 'zod';
import { CASE_TYPES, ITEM_CATEGORIES, MATERIAL_FORMS } from '../../models/item.ts';

/** A department, window or item code. */
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编码只能包含字母、数字、下划线和连字符');
const Text = (max: number) => z.string().trim().max(max);
const Url = z.union([z.literal(''), z.url().max(500)]);

export const CodeParams = z.object({ code: Code });

const DepartmentFields = z.object({
  code: Code,
  name: Text(60).min(1),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  /** Queue tickets of the department's windows are numbered after it (GA001 …); null: from the code. */
  ticketPrefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,3}$/, '取号前缀应为 1 至 3 个大写字母')
    .nullable()
    .default(null),
});
export const DepartmentInput = DepartmentFields.strict().meta({ example: { code: 'YJ', name: '县应急管理局', sortOrder: 19, ticketPrefix: 'YJ' } });
/**
 * A PATCH schema: every field optional and no defaults, so fields the caller did not send
 * are left alone instead of being reset to their default.
 */
function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, inner.optional()];
    }),
  );
  return z.object(shape).strict() as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> }>;
}

export const DepartmentPatch = patchOf(DepartmentFields.omit({ code: true }))
  .extend({ active: z.boolean().optional() })
  .meta({ example: { name: '县应急管理局（县地震局）', active: true } });

const WindowFields = z.object({
  code: Code,
  name: Text(60).min(1),
  hallCode: Code,
  location: Text(120).min(1),
  department: Code,
});
export const WindowInput = WindowFields.strict().meta({
  example: { code: 'YJ-W01', name: '应急管理综合窗口', hallCode: 'HALL1', location: '一楼C区12号', department: 'YJ' },
});
export const WindowPatch = patchOf(WindowFields.omit({ code: true }))
  .extend({ active: z.boolean().optional() })
  .meta({ example: { location: '二楼B区3号', active: true } });

const Material = z
  .object({
    name: Text(100).min(1),
    form: z.enum(MATERIAL_FORMS),
    copies: z.number().int().min(0).max(20).default(1),
    required: z.boolean().default(true),
    blankFormUrl: Url.default(''),
    sampleUrl: Url.default(''),
    acceptanceStandard: Text(500).default(''),
    source: Text(100).default('申请人自备'),
    note: Text(500).default(''),
    /** 可容缺: may be missing at acceptance against a written commitment. */
    deferrable: z.boolean().default(false),
  })
  .strict();

const FeeItem = z
  .object({
    name: Text(60).min(1),
    amountFen: z.number().int().min(1).max(100_000_000),
    basis: Text(300).default(''),
    waivable: z.boolean().default(false),
  })
  .strict();

const ItemFields = z
  .object({
    name: Text(100).min(1),
    department: Code,
    category: z.enum(ITEM_CATEGORIES),
    caseType: z.enum(CASE_TYPES),
    conditions: Text(4000).min(1),
    materials: z.array(Material).max(60).default([]),
    process: z
      .array(z.object({ step: Text(60).min(1), description: Text(1000).default('') }).strict())
      .max(30)
      .default([]),
    legalLimitDays: z.number().int().min(0).max(3650),
    promisedLimitDays: z.number().int().min(0).max(3650),
    fee: z.object({ charged: z.boolean(), items: z.array(FeeItem).max(20).default([]) }).strict(),
    windows: z.array(Code).max(50).default([]),
    hours: Text(200).min(1),
    helpline: Text(40).min(1),
    complaintLine: Text(40).min(1),
    visits: z.number().int().min(0).max(10),
    onsiteReason: Text(500).default(''),
    onlineBooking: z.boolean().default(true),
    onlinePreReview: z.boolean().default(false),
    onlinePayment: z.boolean().default(false),
    deliveryByPost: z.boolean().default(false),
    highFrequency: z.boolean().default(false),
    keywords: z.array(Text(30).min(1)).max(30).default([]),
    faq: z
      .array(z.object({ q: Text(300).min(1), a: Text(2000).min(1) }).strict())
      .max(50)
      .default([]),
    legalBasis: Text(4000).default(''),
    /** false: saved but not shown to citizens (下架) until published. */
    published: z.boolean().default(true),
  })
  .strict();

/** Rules across fields that a guide must satisfy, as {field: message}. */
export function guideRuleViolations(item: Partial<z.infer<typeof ItemFields>>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (item.visits !== undefined && item.visits > 0 && !item.onsiteReason) {
    problems.onsiteReason = '到现场次数大于 0 时必须说明到现场的原因';
  }
  if (item.fee && item.fee.charged !== item.fee.items.length > 0) {
    problems['fee.items'] = item.fee.charged ? '收费事项须列出收费项目' : '不收费事项不应列出收费项目';
  }
  if (item.caseType === 'immediate' && item.promisedLimitDays !== undefined && item.promisedLimitDays !== 0) {
    problems.promisedLimitDays = '即办件的承诺时限应为 0';
  }
  if (item.legalLimitDays !== undefined && item.promisedLimitDays !== undefined && item.promisedLimitDays > item.legalLimitDays) {
    problems.promisedLimitDays = '承诺时限不能超过法定时限';
  }
  return problems;
}

/** A complete guide as an admin sends it (the documented example of POST /admin/items). */
export const ITEM_EXAMPLE = {
  code: 'YJ-001',
  name: '危险化学品经营许可证核发（不带储存设施）',
  department: 'YJ',
  category: '行政许可',
  caseType: 'promised',
  conditions: '有符合国家标准的经营场所，主要负责人和安全管理人员经考核合格，有健全的安全管理制度',
  materials: [
    { name: '危险化学品经营许可证申请表', form: '原件', copies: 1, required: true, source: '窗口领取或网上下载' },
    { name: '营业执照', form: '复印件', copies: 1, required: true, source: '市场监督管理部门核发' },
  ],
  process: [
    { step: '申请', description: '提交申请材料' },
    { step: '审查', description: '书面审查并现场核查' },
    { step: '决定', description: '作出许可决定并发证' },
  ],
  legalLimitDays: 30,
  promisedLimitDays: 10,
  fee: { charged: false, items: [] },
  windows: ['YJ-W01'],
  hours: '周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）',
  helpline: '0571-86270110',
  complaintLine: '12345',
  visits: 1,
  onsiteReason: '需现场核查经营场所',
  onlineBooking: true,
  onlinePreReview: true,
  keywords: ['危化品', '经营许可'],
  faq: [{ q: '许可证有效期多久？', a: '有效期3年，期满前3个月申请延续。' }],
  legalBasis: '《危险化学品安全管理条例》第三十三条',
};
export const ItemInput = ItemFields.extend({ code: Code }).strict().meta({ example: ITEM_EXAMPLE });

/** The admin's view of an entry: every field an admin can set, with `id`, never `_id`. */
export const DepartmentOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  ticketPrefix: z.string().nullable().optional(),
});
export const WindowOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  hallCode: z.string(),
  location: z.string(),
  department: z.string(),
  active: z.boolean(),
});
export const ItemOut = ItemFields.extend({ id: z.string(), code: z.string() }).strip();
export const ItemPatch = patchOf(ItemFields).meta({ example: { promisedLimitDays: 7, highFrequency: true } });
export type ItemInputT = z.infer<typeof ItemInput>;
export type ItemPatchT = z.infer<typeof ItemPatch>;
