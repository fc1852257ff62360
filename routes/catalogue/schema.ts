// Request and answer schemas of the public catalogue.
import { z } from 'zod';
import { CASE_TYPES, ITEM_CATEGORIES, MATERIAL_FORMS } from '../../models/item.ts';
import { PageQuery } from '../../server/pagination.ts';

export const ItemCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '事项编码格式不正确');

export const ItemListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('事项名称、关键词的汉字，或其拼音、拼音首字母（多音字的各个读音均可，如 hang / xing）'),
  department: z.string().trim().max(32).optional().describe('部门编码，不区分大小写；不存在的部门编码答 400'),
  category: z.enum(ITEM_CATEGORIES).optional(),
  highFrequency: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const ItemCodeParams = z.object({ code: ItemCode });

const DepartmentRef = z.object({ code: z.string(), name: z.string() });
const WindowRef = z.object({ code: z.string(), name: z.string(), hallCode: z.string(), location: z.string() });

/** An item in the catalogue list (services/catalogue/guide.ts summarise). */
export const ItemSummaryOut = z.object({
  code: z.string(),
  name: z.string(),
  department: DepartmentRef,
  category: z.enum(ITEM_CATEGORIES),
  caseType: z.enum(CASE_TYPES),
  promisedLimitDays: z.number().int(),
  visits: z.number().int(),
  highFrequency: z.boolean(),
  onlineBooking: z.boolean(),
  onlinePreReview: z.boolean(),
  feeCharged: z.boolean(),
});

/** The full service guide (办事指南) of an item (services/catalogue/guide.ts buildGuide). */
export const GuideOut = z.object({
  code: z.string(),
  name: z.string(),
  department: DepartmentRef,
  category: z.enum(ITEM_CATEGORIES),
  caseType: z.enum(CASE_TYPES).describe('immediate 即办件 · promised 承诺件'),
  conditions: z.string(),
  materials: z.array(
    z.object({
      name: z.string(),
      form: z.enum(MATERIAL_FORMS),
      copies: z.number().int(),
      required: z.boolean(),
      blankFormUrl: z.string(),
      sampleUrl: z.string(),
      acceptanceStandard: z.string(),
      source: z.string(),
      note: z.string(),
      deferrable: z.boolean().describe('可容缺：可先受理、承诺限期补交'),
    }),
  ),
  process: z.array(z.object({ step: z.string(), description: z.string() })),
  legalLimitDays: z.number().int(),
  promisedLimitDays: z.number().int().describe('承诺时限（工作日）；即办件为 0'),
  fee: z.object({
    charged: z.boolean(),
    items: z.array(z.object({ name: z.string(), amountFen: z.number().int(), basis: z.string(), waivable: z.boolean() })),
    description: z.string().meta({ example: '不收费' }),
  }),
  windows: z.array(WindowRef),
  hours: z.string(),
  helpline: z.string(),
  complaintLine: z.string(),
  visits: z.number().int().describe('到办事现场次数'),
  onsiteReason: z.string(),
  onlineBooking: z.boolean(),
  onlinePreReview: z.boolean(),
  onlinePayment: z.boolean(),
  deliveryByPost: z.boolean(),
  highFrequency: z.boolean(),
  keywords: z.array(z.string()),
  faq: z.array(z.object({ q: z.string(), a: z.string() })),
  legalBasis: z.string(),
  published: z.boolean(),
});
