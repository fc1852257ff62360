// What a WeChat Pay order does to its application's fee. Settling online is one guarded update
// that matches only while the fee is unsettled or already paid online; when the fee was paid at
// the window or waived first, the online payment is not counted again: the order is flagged on
// the application (fee.duplicateOrders), audited and logged, for staff to refund.
import { ApplicationModel } from '../../models/application.ts';
import type { PaymentOrder } from '../../models/payment-order.ts';
import { logger } from '../../server/logger.ts';
import { recordAudit } from '../audit/record.ts';

const WECHATPAY_ACTOR = { kind: 'system', id: 'wechatpay' } as const;

export type OnlineSettlement = 'paid' | 'paid_again' | 'duplicate';

/** Marks the application paid online; 'duplicate' when its fee was already settled at the window or waived. */
export async function markPaidOnline(order: PaymentOrder, now: Date): Promise<OnlineSettlement> {
  const before = await ApplicationModel.findOneAndUpdate(
    { _id: order.applicationId, 'fee.status': { $in: [null, 'paid_online'] } },
    { $set: { paid: true, 'fee.status': 'paid_online', 'fee.amountFen': order.amountFen, 'fee.at': now, updatedAt: now } },
    { timestamps: false },
  ).lean();
  if (before) return before.paid ? 'paid_again' : 'paid';
  const flagged = await ApplicationModel.findOneAndUpdate(
    { _id: order.applicationId },
    { $addToSet: { 'fee.duplicateOrders': order.outTradeNo }, $set: { updatedAt: now } },
    { timestamps: false },
  ).lean();
  logger.error(
    { applicationId: String(order.applicationId), outTradeNo: order.outTradeNo },
    'online payment after the fee was settled at the window: refund it',
  );
  await recordAudit(
    {
      actor: WECHATPAY_ACTOR,
      action: 'payment_duplicate',
      entity: 'application',
      entityId: String(order.applicationId),
      before: { fee: flagged?.fee?.status ?? null },
      after: { outTradeNo: order.outTradeNo, amountFen: order.amountFen, flagged: 'refund' },
      purpose: 'fee already settled at the window',
    },
    now,
  );
  return 'duplicate';
}

/**
 * A fully refunded online payment: the application is unpaid again, unless it was settled otherwise.
 * Whatever the case's status: a completed case refunded after the fact stays completed and says
 * truthfully that its fee is unpaid (the order keeps the payment and its refund). One update
 * clears `paid` and `fee.status` together, so a completion (which names the settled fee in its
 * filter, completionGuard) either went first or finds the fee unpaid.
 */
export async function markOnlinePaymentRefunded(order: PaymentOrder, now: Date): Promise<void> {
  await ApplicationModel.updateOne(
    { _id: order.applicationId, 'fee.status': { $in: [null, 'paid_online'] } },
    { $set: { paid: false, 'fee.status': null, 'fee.at': null, updatedAt: now } },
    { timestamps: false },
  );
  // A refunded duplicate is no longer waiting for its refund.
  await ApplicationModel.updateOne({ _id: order.applicationId }, { $pull: { 'fee.duplicateOrders': order.outTradeNo } }, { timestamps: false });
}
