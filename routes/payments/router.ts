// Fees through WeChat Pay: the citizen orders and sees payments, a center admin refunds, and
// WeChat Pay posts its notifies (notify.ts).
import Router from '@koa/router';
import { defineRoute } from '../../server/route.ts';
import { citizenOf, staffOf } from '../../server/middleware/authenticate.ts';
import type { AppState } from '../../server/state.ts';
import { listApplicationPayments, orderPayment } from '../../services/payments/orders.ts';
import { requestRefund } from '../../services/payments/refunds.ts';
import { confirmSandboxPayment } from '../../services/payments/sandbox-confirm.ts';
import { defineNotifyRoute } from './notify.ts';
import { presentOrder, presentPayment, presentRefund } from './present.ts';
import { IdParams, OrderOfferOut, OrderOut, PaymentListOut, RefundOut, RefundRequest } from './schema.ts';

export const paymentsRouter = new Router<AppState>({ prefix: '/api/v1' });

defineRoute(
  paymentsRouter,
  {
    method: 'post',
    path: '/applications/:id/payments',
    summary: '为申请的收费事项下单（微信支付 JSAPI），返回 wx.requestPayment 参数；已有未过期订单时返回该订单',
    tags: ['缴费'],
    access: 'citizen',
    params: IdParams,
    response: OrderOfferOut,
    errors: {
      409: 'NO_FEE · ALREADY_PAID · FEE_WAIVED · INVALID_STATE（草稿、不予受理或已办结的申请） · PAYMENT_PENDING · PAYMENT_BUSY',
      502: 'PAYMENT_FAILED',
      503: 'PAYMENTS_DISABLED · PAYMENT_UNAVAILABLE',
    },
  },
  async (ctx, { params }) => {
    const offer = await orderPayment({ applicationId: params.id, citizenId: citizenOf(ctx).id, now: ctx.state.now }, ctx.state.caches.catalogue.current());
    ctx.body = { ...offer.params, order: presentOrder(offer.order) };
  },
);

defineRoute(
  paymentsRouter,
  {
    method: 'post',
    path: '/applications/:id/payments/sandbox-confirm',
    summary: '（仅沙箱 WECHAT_SANDBOX）模拟市民完成支付：微信支付记为已支付，并将签名加密的支付通知交由正式的回调处理；再次调用即重发通知',
    tags: ['缴费'],
    access: 'citizen',
    params: IdParams,
    response: OrderOut,
    errors: { 404: 'NOT_FOUND（未开启沙箱，或申请不存在）', 409: 'NO_OPEN_ORDER · ORDER_EXPIRED' },
  },
  async (ctx, { params }) => {
    ctx.body = presentOrder(await confirmSandboxPayment({ applicationId: params.id, citizenId: citizenOf(ctx).id, now: ctx.state.now }));
  },
);

defineRoute(
  paymentsRouter,
  {
    method: 'get',
    path: '/applications/:id/payments',
    summary: '申请的缴费记录（含退款）',
    tags: ['缴费'],
    access: 'citizen',
    params: IdParams,
    response: PaymentListOut,
  },
  async (ctx, { params }) => {
    const views = await listApplicationPayments(params.id, citizenOf(ctx).id);
    ctx.body = { items: views.map(presentPayment) };
  },
);

defineRoute(
  paymentsRouter,
  {
    method: 'post',
    path: '/admin/payments/:id/refund',
    summary: '退款（原路退回，经微信支付退款接口）；不给金额时退还剩余全部',
    tags: ['缴费'],
    access: 'center_admin',
    params: IdParams,
    body: RefundRequest,
    response: RefundOut,
    errors: { 409: 'INVALID_STATE · REFUND_EXCEEDS_PAID · NOTHING_TO_REFUND', 502: 'PAYMENT_FAILED', 503: 'PAYMENTS_DISABLED · PAYMENT_UNAVAILABLE' },
  },
  async (ctx, { params, body }) => {
    const refund = await requestRefund({ orderId: params.id, amountFen: body.amountFen, reason: body.reason, staff: staffOf(ctx), now: ctx.state.now });
    ctx.body = presentRefund(refund);
  },
);

defineNotifyRoute(paymentsRouter);
