// Refunds of paid orders. Under a short per-order lock the amount left is computed from the
// refunds already made and the new refund is stored (so two admins cannot refund more than was
// paid), then WeChat Pay is asked; its answer, its notify and the reconcile job all end in
// applyRefundOutcome. Sums are derived from payment_refunds, never kept as counters.
import mongoose from 'mongoose';
import { WechatPayError, newOutTradeNo, type RefundState } from '../../integrations/wechatpay/index.ts';
import { ApplicationModel } from '../../models/application.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { PaymentRefundModel, type PaymentRefund } from '../../models/payment-refund.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, invalidState, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { payClient } from './client.ts';
import { isRefusal, toPaymentError } from './errors.ts';
import { markOnce, withLock } from './marks.ts';
import { WECHATPAY_ACTOR } from './settle.ts';

/** Fen refunded (success) and fen committed (success, processing, or abnormal: money in limbo). */
export function refundTotals(refunds: Pick<PaymentRefund, 'status' | 'amountFen'>[]) {
  const sum = (statuses: string[]) => refunds.filter((r) => statuses.includes(r.status)).reduce((total, r) => total + r.amountFen, 0);
  return { refundedFen: sum(['success']), committedFen: sum(['success', 'processing', 'abnormal']) };
}

const refundsOf = (orderId: mongoose.Types.ObjectId) => PaymentRefundModel.find({ orderId }).limit(100).lean();

/** Asks WeChat Pay to refund `amountFen` (default: all that is left) of a paid order. */
export async function requestRefund(input: { orderId: string; amountFen?: number; reason: string; staff: StaffPrincipal; now?: Date }): Promise<PaymentRefund> {
  const now = input.now ?? new Date();
  const client = payClient();
  const order = mongoose.isValidObjectId(input.orderId) ? await PaymentOrderModel.findById(input.orderId).lean() : null;
  if (!order) throw notFound('支付订单');
  const refund = await withLock(`refund:${String(order._id)}`, 'REFUND_IN_PROGRESS', async () => {
    const current = await PaymentOrderModel.findById(order._id).lean();
    if (current?.status !== 'paid') throw invalidState(current?.status ?? order.status, '退款');
    const leftFen = order.amountFen - refundTotals(await refundsOf(order._id)).committedFen;
    const amountFen = input.amountFen ?? leftFen;
    if (leftFen <= 0) throw conflict('NOTHING_TO_REFUND', '该订单已无可退金额');
    if (amountFen > leftFen) throw conflict('REFUND_EXCEEDS_PAID', '退款金额超过可退金额', { leftFen });
    return PaymentRefundModel.create({
      outRefundNo: newOutTradeNo('RF', now), orderId: order._id, outTradeNo: order.outTradeNo, amountFen, reason: input.reason, requestedBy: input.staff.id,
    });
  });
  await recordAudit({ actor: input.staff, action: 'refund', entity: 'payment_order', entityId: String(order._id), before: { status: order.status }, after: { outRefundNo: refund.outRefundNo, amountFen: refund.amountFen, reason: input.reason } }, now);
  try {
    const state = await client.createRefund({ outTradeNo: order.outTradeNo, outRefundNo: refund.outRefundNo, amountFen: refund.amountFen, totalFen: order.amountFen, reason: input.reason });
    await applyRefundOutcome(refund.toObject(), state, now);
  } catch (error) {
    if (isRefusal(error)) await failRefund(refund.toObject(), now);
    throw toPaymentError(error, 'createRefund');
  }
  return (await PaymentRefundModel.findById(refund._id).lean())!;
}

const FINAL_STATUS: Record<string, 'success' | 'closed' | 'abnormal'> = { SUCCESS: 'success', CLOSED: 'closed', ABNORMAL: 'abnormal' };

/** Applies WeChat's view of a refund once; repeats and stale reports change nothing. */
export async function applyRefundOutcome(refund: PaymentRefund, state: Pick<RefundState, 'status' | 'refundId' | 'successTime'>, now: Date): Promise<'applied' | 'already' | 'pending'> {
  const status = FINAL_STATUS[state.status];
  if (!status) {
    if (state.refundId) await PaymentRefundModel.updateOne({ _id: refund._id, refundId: null }, { $set: { refundId: state.refundId } });
    return 'pending';
  }
  // The first final report wins; the mark settles a race that the conditional update alone
  // cannot on servers without isolation.
  if (!(await markOnce(`refund:${refund.outRefundNo}`, now))) return 'already';
  const moved = await PaymentRefundModel.updateOne(
    { _id: refund._id, status: 'processing' },
    { $set: { status, refundId: state.refundId || refund.refundId, succeededAt: status === 'success' ? (state.successTime ?? now) : null } },
  );
  if (moved.modifiedCount === 0) return 'already';
  if (status === 'success') await refundReachedCitizen(refund);
  await recordAudit({ actor: WECHATPAY_ACTOR, action: `refund_${status}`, entity: 'payment_order', entityId: String(refund.orderId), after: { outRefundNo: refund.outRefundNo, amountFen: refund.amountFen } }, now);
  return 'applied';
}

/** A fully refunded order becomes 'refunded'; the application is unpaid unless another order pays it. */
async function refundReachedCitizen(refund: PaymentRefund): Promise<void> {
  const order = await PaymentOrderModel.findById(refund.orderId).lean();
  if (!order || refundTotals(await refundsOf(order._id)).refundedFen < order.amountFen) return;
  await PaymentOrderModel.updateOne({ _id: order._id, status: 'paid' }, { $set: { status: 'refunded' } });
  if (!(await PaymentOrderModel.exists({ applicationId: order.applicationId, status: 'paid' }))) {
    await ApplicationModel.updateOne({ _id: order.applicationId }, { $set: { paid: false } });
  }
}

/** WeChat Pay refused the refund request: nothing was refunded, the amount is free again. */
async function failRefund(refund: PaymentRefund, now: Date): Promise<void> {
  if (!(await markOnce(`refund:${refund.outRefundNo}`, now))) return;
  await PaymentRefundModel.updateOne({ _id: refund._id, status: 'processing' }, { $set: { status: 'failed' } });
  await recordAudit({ actor: WECHATPAY_ACTOR, action: 'refund_failed', entity: 'payment_order', entityId: String(refund.orderId), after: { outRefundNo: refund.outRefundNo } }, now);
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
