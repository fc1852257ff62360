// Request and response schemas of applications (网上预审 and 办件).
import { z } from 'zod';
import { APPLICATION_STATUSES, DEFERRED_STATUSES } from '../../models/application.ts';
import { PageQuery } from '../../server/pagination.ts';
import { ItemCode } from '../catalogue/schema.ts';

export const ApplicationParams = z.object({ id: z.string().trim().min(1).max(64) });
export const MaterialParams = ApplicationParams.extend({ materialName: z.string().trim().min(1).max(100) });

export const OpenApplicationBody = z
  .object({ itemCode: ItemCode.optional(), bundleCode: ItemCode.optional().describe('一件事编码（GET /bundles），代替 itemCode') })
  .refine((b) => (b.itemCode === undefined) !== (b.bundleCode === undefined), { message: '请指定事项编码或一件事编码（二选一）', path: ['itemCode'] })
  .meta({ example: { itemCode: 'GA-004' } });
export const MaterialUploadBody = z
  .object({
    materialName: z.string().trim().min(1).max(100),
    /** The file part; documented here, read by multer. */
    file: z.any().optional().openapi({ type: 'string', format: 'binary' }),
  })
  .meta({ example: { materialName: '居民身份证', file: '(PDF、JPG 或 PNG 文件)' } });
export const EvaluationBody = z
  .object({
    score: z.number().int().min(1).max(5).describe('5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意（1–2 为差评）'),
    comment: z.string().trim().max(500).default(''),
  })
  .meta({ example: { score: 5, comment: '窗口人员一次性告知，材料齐全当天办结' } });
export const OwnListQuery = PageQuery;
/** What a material download answers: the types an upload may have (services/applications/material-files.ts). */
export const MATERIAL_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

const Instant = z.string();
const HistoryEntry = z.object({ status: z.enum(APPLICATION_STATUSES), at: Instant, by: z.object({ kind: z.string(), id: z.string() }), note: z.string() });
const MaterialOut = z.object({
  materialName: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: Instant,
  reused: z.boolean().describe('取自申请人材料库（已核验过的材料，经本人同意复用）'),
});
const DeferredOut = z.object({
  materialName: z.string(),
  commitment: z.string(),
  dueDate: z.string(),
  status: z.enum(DEFERRED_STATUSES).describe('pending 待补交 · received 已补交 · waived 无需补交'),
  resolvedAt: Instant.nullable(),
  note: z.string(),
});

/** An application as its owner sees it. */
export const FeeOut = z.object({
  amountFen: z.number().int(),
  status: z.enum(['none', 'unpaid', 'paid_online', 'paid_at_window', 'waived']),
  method: z.enum(['pos', 'cash']).optional(),
  receiptNo: z.string().optional(),
  reason: z.string().optional(),
  legalBasis: z.string().optional(),
  at: Instant.optional(),
  duplicateOrders: z
    .array(z.string())
    .optional()
    .describe('WeChat Pay orders paid after the fee was settled at the window or waived, or after the case was rejected or completed: to be refunded'),
});

export const ApplicationOut = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  department: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  materials: z.array(MaterialOut),
  supplement: z.array(z.object({ materialName: z.string(), note: z.string() })),
  history: z.array(HistoryEntry),
  deferred: z.array(DeferredOut).describe('容缺受理的材料'),
  bundle: z
    .object({
      code: z.string(),
      parts: z.array(z.object({ department: z.string(), decision: z.string().nullable() })),
      cases: z.array(
        z.object({
          id: z.string(),
          itemCode: z.string(),
          itemName: z.string(),
          department: z.string(),
          status: z.enum(APPLICATION_STATUSES),
          deadline: z.string().nullable(),
        }),
      ),
    })
    .nullable()
    .describe('一件事：各部门预审进度与受理后的各事项办件（一条进度）'),
  bundleId: z.string().nullable().describe('属于哪个一件事申请（成员办件）'),
  acceptedAt: Instant.nullable(),
  acceptedDate: z.string().nullable(),
  deadline: z.string().nullable(),
  completedAt: Instant.nullable(),
  completedDate: z.string().nullable(),
  onTime: z.boolean().nullable(),
  paid: z.boolean(),
  fee: FeeOut,
  onsiteVisits: z.number().int().nullable(),
  evaluation: z.object({ score: z.number().int(), evaluatedAt: Instant }).nullable(),
  rectification: z.object({ reply: z.string(), repliedAt: Instant }).nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
