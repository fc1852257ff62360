// Refunds of paid orders. The amount is reserved on the order first (one conditional update,
// so two admins cannot refund more than was paid), the refund is stored, then WeChat Pay is
// asked; its answer, its notify and the reconcile job all land in applyRefundOutcome.
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
import { WECHATPAY_ACTOR } from './settle.ts';

/** Asks WeChat Pay to refund `amountFen` (default: all that is left) of a paid order. */
export async function requestRefund(input: { orderId: string; amountFen?: number; reason: string; staff: StaffPrincipal; now?: Date }): Promise<PaymentRefund> {
  const now = input.now ?? new Date();
  const client = payClient();
  const order = mongoose.isValidObjectId(input.orderId) ? await PaymentOrderModel.findById(input.orderId).lean() : null;
  if (!order) throw notFound('支付订单');
  if (order.status !== 'paid') throw invalidState(order.status, '退款');
  const amountFen = input.amountFen ?? order.amountFen - order.refundReservedFen;
  if (amountFen <= 0) throw conflict('NOTHING_TO_REFUND', '该订单已无可退金额');
  const reserved = await PaymentOrderModel.updateOne(
    { _id: order._id, status: 'paid', refundReservedFen: { $lte: order.amountFen - amountFen } },
    { $inc: { refundReservedFen: amountFen } },
  );
  if (reserved.modifiedCount === 0) throw conflict('REFUND_EXCEEDS_PAID', '退款金额超过可退金额');
  const refund = await PaymentRefundModel.create({
    outRefundNo: newOutTradeNo('RF', now), orderId: order._id, outTradeNo: order.outTradeNo, amountFen, reason: input.reason, requestedBy: input.staff.id,
  });
  await recordAudit({ actor: input.staff, action: 'refund', entity: 'payment_order', entityId: String(order._id), before: { status: order.status, refundedFen: order.refundedFen }, after: { outRefundNo: refund.outRefundNo, amountFen, reason: input.reason } }, now);
  try {
    const state = await client.createRefund({ outTradeNo: order.outTradeNo, outRefundNo: refund.outRefundNo, amountFen, totalFen: order.amountFen, reason: input.reason });
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
  const moved = await PaymentRefundModel.updateOne(
    { _id: refund._id, status: 'processing' },
    { $set: { status, refundId: state.refundId || refund.refundId, succeededAt: status === 'success' ? (state.successTime ?? now) : null } },
  );
  if (moved.modifiedCount === 0) return 'already';
  if (status === 'success') await refundReachedCitizen(refund);
  // A closed refund gave nothing back: its reservation is free again. An abnormal one is left
  // reserved: the money is in limbo until the center settles it with WeChat Pay by hand.
  if (status === 'closed') await PaymentOrderModel.updateOne({ _id: refund.orderId }, { $inc: { refundReservedFen: -refund.amountFen } });
  await recordAudit({ actor: WECHATPAY_ACTOR, action: `refund_${status}`, entity: 'payment_order', entityId: String(refund.orderId), after: { outRefundNo: refund.outRefundNo, amountFen: refund.amountFen } }, now);
  return 'applied';
}

async function refundReachedCitizen(refund: PaymentRefund): Promise<void> {
  const order = await PaymentOrderModel.findOneAndUpdate({ _id: refund.orderId }, { $inc: { refundedFen: refund.amountFen } }, { new: true }).lean();
  if (!order || order.refundedFen < order.amountFen) return;
  await PaymentOrderModel.updateOne({ _id: order._id, status: 'paid' }, { $set: { status: 'refunded' } });
  if (!(await PaymentOrderModel.exists({ applicationId: order.applicationId, status: 'paid' }))) {
    await ApplicationModel.updateOne({ _id: order.applicationId }, { $set: { paid: false } });
  }
}

/** WeChat Pay refused the refund request: nothing was refunded, the reservation is released. */
async function failRefund(refund: PaymentRefund, now: Date): Promise<void> {
  const moved = await PaymentRefundModel.updateOne({ _id: refund._id, status: 'processing' }, { $set: { status: 'failed' } });
  if (moved.modifiedCount === 0) return;
  await PaymentOrderModel.updateOne({ _id: refund.orderId }, { $inc: { refundReservedFen: -refund.amountFen } });
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
