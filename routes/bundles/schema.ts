// Schemas of bundles (一件事): the public guide and the admin's definition.
import { z } from 'zod';
import { MATERIAL_FORMS } from '../../models/item.ts';
import { ItemSummaryOut } from '../catalogue/schema.ts';

export const BundleInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000).default(''),
    items: z.array(z.string().trim().min(1).max(64)).min(2).max(20).describe('组成该一件事的事项编码（可跨部门）'),
    published: z.boolean().default(true),
  })
  .meta({ example: { name: '新生儿出生一件事', description: '出生登记、医保参保、社保卡申领一次办', items: ['GA-005', 'YB-002', 'RS-002'] } });

export const BundleSummaryOut = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  itemCount: z.number().int(),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  promisedLimitDays: z.number().int(),
});

export const BundleGuideOut = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  items: z.array(ItemSummaryOut),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  materials: z.array(
    z.object({
      name: z.string(),
      form: z.enum(MATERIAL_FORMS),
      copies: z.number().int(),
      required: z.boolean(),
      deferrable: z.boolean(),
      acceptanceStandard: z.string(),
      source: z.string(),
      note: z.string(),
      items: z.array(z.string()).describe('需要该材料的事项（只需提交一次）'),
    }),
  ),
  process: z.array(z.object({ step: z.string(), description: z.string(), itemCode: z.string() })),
  fee: z.object({
    charged: z.boolean(),
    items: z.array(z.object({ name: z.string(), amountFen: z.number().int(), basis: z.string(), waivable: z.boolean(), itemCode: z.string() })),
    description: z.string(),
  }),
  promisedLimitDays: z.number().int().describe('最长的承诺时限（工作日）'),
  onlinePreReview: z.boolean(),
  deliveryByPost: z.boolean(),
});

export const AdminBundleOut = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  items: z.array(z.string()),
  published: z.boolean(),
});
