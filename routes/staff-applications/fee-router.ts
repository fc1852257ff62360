// Fees settled at the window: a payment taken on site (POS or cash, with its receipt number) or
// a waiver with its legal basis. Both are audited and shown to the citizen as `fee`.
import Router from '@koa/router';
import { z } from 'zod';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { recordWindowPayment, waiveFee } from '../../services/payments/window.ts';
import { ApplicationParams } from '../applications/schema.ts';
import { StaffApplicationOut, answer } from './router.ts';

export const staffFeesRouter = new Router<AppState>({ prefix: '/api/v1/staff' });
const tags = ['窗口：预审与办件'];

const WindowPaymentBody = z
  .strictObject({
    method: z.enum(['pos', 'cash'], { error: '收款方式应为 pos 或 cash' }),
    receiptNo: z.string().trim().min(1, '请填写票据号').max(64),
    amountFen: z.number().int().min(1).max(100_000_000),
  })
  .meta({ example: { method: 'pos', receiptNo: 'POS20260302-0042', amountFen: 2000 } });

const FeeWaiverBody = z
  .strictObject({
    reason: z.string().trim().min(1, '请填写减免理由').max(500),
    legalBasis: z.string().trim().min(1, '请填写减免的法律依据').max(500),
  })
  .meta({ example: { reason: '申请人为最低生活保障对象', legalBasis: '《居民身份证法》第二十条及当地减免规定' } });

defineRoute(
  staffFeesRouter,
  {
    method: 'post',
    path: '/applications/:id/window-payment',
    summary: '登记窗口缴费（POS 或现金，含票据号）',
    tags,
    access: 'staff',
    params: ApplicationParams,
    body: WindowPaymentBody,
    response: StaffApplicationOut,
    errors: { 404: 'NOT_FOUND', 409: 'NO_FEE, ALREADY_PAID, FEE_WAIVED, AMOUNT_MISMATCH, INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await recordWindowPayment(staffOf(ctx), params.id, body, ctx.state.now, ctx.state.caches.catalogue.current())),
);

defineRoute(
  staffFeesRouter,
  {
    method: 'post',
    path: '/applications/:id/fee-waiver',
    summary: '减免收费（须说明理由与法律依据）',
    tags,
    access: 'staff',
    params: ApplicationParams,
    body: FeeWaiverBody,
    response: StaffApplicationOut,
    errors: { 404: 'NOT_FOUND', 409: 'NO_FEE, ALREADY_PAID, FEE_WAIVED, FEE_NOT_WAIVABLE, INVALID_STATE' },
  },
  async (ctx, { params, body }) => answer(ctx, await waiveFee(staffOf(ctx), params.id, body, ctx.state.now, ctx.state.caches.catalogue.current())),
);
