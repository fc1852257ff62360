// Request schemas of the staff side of applications, evaluations and rectifications.
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../models/application.ts';
import { PageQuery } from '../../server/pagination.ts';
import { ItemCode } from '../catalogue/schema.ts';

export const StaffListQuery = PageQuery.extend({
  status: z.enum(APPLICATION_STATUSES.filter((s) => s !== 'draft') as [string, ...string[]]).optional(),
});

const MissingMaterial = z.union([
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .transform((materialName) => ({ materialName, note: '' })),
  z.object({ materialName: z.string().trim().min(1).max(100), note: z.string().trim().max(200).default('') }),
]);

export const ReviewBody = z
  .object({
    decision: z.enum(['approve', 'supplement', 'reject']),
    note: z.string().trim().max(500).default(''),
    missing: z.array(MissingMaterial).max(50).default([]),
    /** A document's own expiry read at approval (an ID card's 有效期限), kept with it in the citizen's library. */
    expiries: z
      .array(z.strictObject({ materialName: z.string().trim().min(1).max(100), validUntil: z.iso.date() }))
      .max(60)
      .default([]),
  })
  .superRefine((review, ctx) => {
    if (review.decision === 'supplement' && review.missing.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['missing'], message: '补正须一次性列明全部缺少或有误的材料' });
    }
    if (review.decision === 'reject' && !review.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '不予通过须说明理由' });
    }
  })
  .meta({
    example: { decision: 'supplement', note: '请一次性补齐以下材料', missing: [{ materialName: '户口簿', note: '需本人页与户主页' }, '申请表'] },
  });

export const AcceptBody = z
  .strictObject({
    deferral: z
      .strictObject({
        commitment: z.string().trim().min(1).max(500).describe('申请人书面承诺（承诺补交的内容）'),
        dueInWorkingDays: z.number().int().min(1).max(60).describe('自受理日起的工作日数'),
      })
      .optional()
      .describe('容缺受理：缺少可容缺材料时必填'),
  })
  .meta({ example: { deferral: { commitment: '本人承诺于5个工作日内补交户口簿原件', dueInWorkingDays: 5 } } });

export const WaiveDeferredBody = z
  .strictObject({ reason: z.string().trim().min(1).max(500) })
  .meta({ example: { reason: '已通过部门间数据共享核验户籍信息，无需再补交' } });

export const CompleteBody = z.object({ onsiteVisits: z.number().int().min(0).max(20) }).meta({ example: { onsiteVisits: 1 } });

export const WalkInBody = z
  .object({
    itemCode: ItemCode,
    applicantName: z.string().trim().min(1).max(100),
    applicantIsCompany: z.boolean().default(false),
  })
  .meta({ example: { itemCode: 'SCJG-001', applicantName: '某某县某某商贸有限公司', applicantIsCompany: true } });

export const RectificationListQuery = PageQuery.extend({ status: z.enum(['open', 'closed']).optional() });
export const RectificationParams = z.object({ id: z.string().trim().min(1).max(64) });
export const CloseRectificationBody = z
  .object({ reply: z.string().trim().min(1).max(2000) })
  .meta({ example: { reply: '已约谈当事窗口人员并完成整改，已电话回访申请人。' } });
