// Refunds of paid orders. The amount is taken from the order's refundableFen by one guarded
// $inc (filter refundableFen ≥ amount), so refunds together never exceed what was paid; then
// the refund is stored (unique out_refund_no) and WeChat Pay is asked. Its answer, its notify
// and the reconcile job all end in applyRefundOutcome, whose update from 'processing' matches
// once; a refund that did not happen gives its amount back.
import mongoose from 'mongoose';
import { WechatPayError, newOutTradeNo, type RefundState } from '../../integrations/wechatpay/index.ts';
import { PaymentOrderModel, type PaymentOrder } from '../../models/payment-order.ts';
import { PaymentRefundModel, type PaymentRefund } from '../../models/payment-refund.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, invalidState, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { payClient } from './client.ts';
import { isRefusal, toPaymentError } from './errors.ts';
import { markOnlinePaymentRefunded, unflagDuplicateOrder } from './application-fee.ts';
import { WECHATPAY_ACTOR } from './settle.ts';

/** Fen that reached the citizen (refunds in status success). */
export function refundedFen(refunds: Pick<PaymentRefund, 'status' | 'amountFen'>[]): number {
  return refunds.filter((r) => r.status === 'success').reduce((total, r) => total + r.amountFen, 0);
}

/** Asks WeChat Pay to refund `amountFen` (default: all that is left) of a paid order. */
export async function requestRefund(input: { orderId: string; amountFen?: number; reason: string; staff: StaffPrincipal; now?: Date }): Promise<PaymentRefund> {
  const now = input.now ?? new Date();
  const client = payClient();
  const order = mongoose.isValidObjectId(input.orderId) ? await PaymentOrderModel.findById(input.orderId).lean() : null;
  if (!order) throw notFound('支付订单');
  const amountFen = await reserveRefund(order, input.amountFen);
  const refund = await PaymentRefundModel.create({
    outRefundNo: newOutTradeNo('RF', now),
    orderId: order._id,
    outTradeNo: order.outTradeNo,
    amountFen,
    reason: input.reason,
    requestedBy: input.staff.id,
  }).catch(async (error: unknown) => {
    await giveBack(order._id, amountFen);
    throw error;
  });
  await recordAudit(
    {
      actor: input.staff,
      action: 'refund',
      entity: 'payment_order',
      entityId: String(order._id),
      before: { status: order.status },
      after: { outRefundNo: refund.outRefundNo, amountFen, reason: input.reason },
    },
    now,
  );
  try {
    const state = await client.createRefund({
      outTradeNo: order.outTradeNo,
      outRefundNo: refund.outRefundNo,
      amountFen,
      totalFen: order.amountFen,
      reason: input.reason,
    });
    await applyRefundOutcome(refund.toObject(), state, now);
  } catch (error) {
    if (isRefusal(error)) await failRefund(refund.toObject(), now);
    throw toPaymentError(error, 'createRefund');
  }
  return (await PaymentRefundModel.findById(refund._id).lean())!;
}

/** Takes the refund's amount from the order (one guarded $inc); 409 with the precise reason when it cannot. */
async function reserveRefund(order: PaymentOrder, requestedFen: number | undefined): Promise<number> {
  for (let current: PaymentOrder | null = order, attempt = 0; attempt < 3; attempt++) {
    if (!current) throw notFound('支付订单');
    if (current.status !== 'paid') throw invalidState(current.status, '退款');
    const leftFen = current.refundableFen;
    if (leftFen <= 0) throw conflict('NOTHING_TO_REFUND', '该订单已无可退金额');
    const amountFen = requestedFen ?? leftFen;
    if (amountFen > leftFen) throw conflict('REFUND_EXCEEDS_PAID', '退款金额超过可退金额', { leftFen });
    const taken = await PaymentOrderModel.updateOne(
      { _id: order._id, status: 'paid', refundableFen: { $gte: amountFen } },
      { $inc: { refundableFen: -amountFen } },
    );
    if (taken.modifiedCount === 1) return amountFen;
    // Another refund took (or gave back) part of it first: judge again against what is left now.
    current = await PaymentOrderModel.findById(order._id).lean();
  }
  throw conflict('REFUND_IN_PROGRESS', '操作正在进行中，请稍后再试');
}

const FINAL_STATUS: Record<string, 'success' | 'closed' | 'abnormal'> = { SUCCESS: 'success', CLOSED: 'closed', ABNORMAL: 'abnormal' };

/** Applies WeChat's view of a refund once; repeats and stale reports change nothing. */
export async function applyRefundOutcome(
  refund: PaymentRefund,
  state: Pick<RefundState, 'status' | 'refundId' | 'successTime'>,
  now: Date,
): Promise<'applied' | 'already' | 'pending'> {
  const status = FINAL_STATUS[state.status];
  if (!status) {
    if (state.refundId) await PaymentRefundModel.updateOne({ _id: refund._id, refundId: null }, { $set: { refundId: state.refundId } });
    return 'pending';
  }
  const moved = await PaymentRefundModel.updateOne(
    { _id: refund._id, status: 'processing' },
    { $set: { status, refundId: state.refundId || refund.refundId, succeededAt: status === 'success' ? (state.successTime ?? now) : null } },
  );
  if (moved.modifiedCount === 0) return 'already';
  if (status === 'success') await refundReachedCitizen(refund, now);
  // CLOSED: nothing left the merchant account, the amount may be refunded again. ABNORMAL: the
  // money is in limbo (handled on the merchant platform) and stays taken.
  if (status === 'closed') await giveBack(refund.orderId, refund.amountFen);
  await recordAudit(
    {
      actor: WECHATPAY_ACTOR,
      action: `refund_${status}`,
      entity: 'payment_order',
      entityId: String(refund.orderId),
      after: { outRefundNo: refund.outRefundNo, amountFen: refund.amountFen },
    },
    now,
  );
  return 'applied';
}

/** A fully refunded order becomes 'refunded'; the application is unpaid unless another order pays it (or starts to meanwhile). */
async function refundReachedCitizen(refund: PaymentRefund, now: Date): Promise<void> {
  const order = await PaymentOrderModel.findById(refund.orderId).lean();
  // Read after our own update: of two refunds succeeding at once, the later one sees both.
  if (!order || refundedFen(await PaymentRefundModel.find({ orderId: order._id }).limit(100).lean()) < order.amountFen) return;
  const moved = await PaymentOrderModel.updateOne({ _id: order._id, status: 'paid' }, { $set: { status: 'refunded' } });
  if (moved.modifiedCount === 0) return;
  await unflagDuplicateOrder(order);
  const settled = await PaymentOrderModel.find({ applicationId: order.applicationId, status: { $in: ['paid', 'refunded'] } })
    .select({ outTradeNo: 1, status: 1 })
    .limit(100)
    .lean();
  if (settled.some((o) => o.status === 'paid')) return;
  // The clear names these refunded orders: one settling after this read records itself and wins.
  await markOnlinePaymentRefunded(
    order,
    settled.map((o) => o.outTradeNo),
    now,
  );
}

/** Returns fen taken for a refund that did not happen to the order's refundable fen. */
async function giveBack(orderId: PaymentOrder['_id'], amountFen: number): Promise<void> {
  await PaymentOrderModel.updateOne({ _id: orderId }, { $inc: { refundableFen: amountFen } });
}

/** WeChat Pay refused the refund request: nothing was refunded, the amount is free again. */
async function failRefund(refund: PaymentRefund, now: Date): Promise<void> {
  const moved = await PaymentRefundModel.updateOne({ _id: refund._id, status: 'processing' }, { $set: { status: 'failed' } });
  if (moved.modifiedCount === 0) return;
  await giveBack(refund.orderId, refund.amountFen);
  await recordAudit(
    { actor: WECHATPAY_ACTOR, action: 'refund_failed', entity: 'payment_order', entityId: String(refund.orderId), after: { outRefundNo: refund.outRefundNo } },
    now,
  );
}

/** Asks WeChat Pay about a refund still processing (the reconcile job). */
export async function reconcileRefund(refund: PaymentRefund, now: Date): Promise<'applied' | 'already' | 'pending'> {
  try {
    return await applyRefundOutcome(refund, await payClient().queryRefund(refund.outRefundNo), now);
  } catch (error) {
    // The refund request never reached WeChat Pay.
    if (error instanceof WechatPayError && error.code === 'RESOURCE_NOT_EXISTS') {
      await failRefund(refund, now);
      return 'applied';
    }
    throw error;
  }
}
