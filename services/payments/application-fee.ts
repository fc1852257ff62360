// What a WeChat Pay order does to its application's fee. Settling online is one guarded update
// that matches only while the case is open (FEE_PAYABLE_STATUSES) and its fee unsettled or
// already paid online; it records the order it counts (fee.outTradeNo). When the fee was paid at
// the window or waived first, or the case was rejected or completed while the order was open,
// the money is still received but not counted: the order is flagged on the application
// (fee.duplicateOrders), audited and logged, for staff to refund.
import { ApplicationModel } from '../../models/application.ts';
import type { PaymentOrder } from '../../models/payment-order.ts';
import { logger } from '../../server/logger.ts';
import { FEE_PAYABLE_STATUSES } from '../applications/fee.ts';
import { recordAudit } from '../audit/record.ts';

const WECHATPAY_ACTOR = { kind: 'system', id: 'wechatpay' } as const;

export type OnlineSettlement = 'paid' | 'paid_again' | 'duplicate';

/** Marks the application paid online; 'duplicate' when its fee was settled otherwise or the case no longer takes it. */
export async function markPaidOnline(order: PaymentOrder, now: Date): Promise<OnlineSettlement> {
  const before = await ApplicationModel.findOneAndUpdate(
    { _id: order.applicationId, status: { $in: FEE_PAYABLE_STATUSES }, 'fee.status': { $in: [null, 'paid_online'] } },
    {
      $set: { paid: true, 'fee.status': 'paid_online', 'fee.amountFen': order.amountFen, 'fee.at': now, 'fee.outTradeNo': order.outTradeNo, updatedAt: now },
    },
    { timestamps: false },
  ).lean();
  if (before) return before.paid ? 'paid_again' : 'paid';
  const flagged = await ApplicationModel.findOneAndUpdate(
    { _id: order.applicationId },
    { $addToSet: { 'fee.duplicateOrders': order.outTradeNo }, $set: { updatedAt: now } },
    { timestamps: false },
  ).lean();
  const settledOtherwise = !!flagged?.fee?.status && flagged.fee.status !== 'paid_online';
  const purpose = settledOtherwise ? 'fee already settled at the window' : `case ${flagged?.status ?? 'missing'}: takes no fee`;
  logger.error({ applicationId: String(order.applicationId), outTradeNo: order.outTradeNo, purpose }, 'online payment not counted: refund it');
  await recordAudit(
    {
      actor: WECHATPAY_ACTOR,
      action: 'payment_duplicate',
      entity: 'application',
      entityId: String(order.applicationId),
      before: { fee: flagged?.fee?.status ?? null, status: flagged?.status ?? null },
      after: { outTradeNo: order.outTradeNo, amountFen: order.amountFen, flagged: 'refund' },
      purpose,
    },
    now,
  );
  return 'duplicate';
}

/**
 * A fully refunded online payment: the application is unpaid again, unless it was settled otherwise.
 * `refundedOrders` are the application's orders refunded in full (read after this one became
 * refunded, when none of its orders was paid): the clear matches only while the order the
 * application counts (fee.outTradeNo, null before that was recorded) is one of them, so a
 * payment settling meanwhile, which records its own order, wins and the application stays paid.
 * Whatever the case's status: a completed case refunded after the fact stays completed and says
 * truthfully that its fee is unpaid (the order keeps the payment and its refund). One update
 * clears `paid` and `fee.status` together, so a completion (which names the settled fee in its
 * filter, completionGuard) either went first or finds the fee unpaid.
 */
export async function markOnlinePaymentRefunded(order: PaymentOrder, refundedOrders: string[], now: Date): Promise<void> {
  await ApplicationModel.updateOne(
    { _id: order.applicationId, 'fee.status': { $in: [null, 'paid_online'] }, 'fee.outTradeNo': { $in: [null, ...refundedOrders] } },
    { $set: { paid: false, 'fee.status': null, 'fee.at': null, 'fee.outTradeNo': null, updatedAt: now } },
    { timestamps: false },
  );
}

/** A refunded duplicate is no longer waiting for its refund (whether or not another order pays the application). */
export async function unflagDuplicateOrder(order: PaymentOrder): Promise<void> {
  await ApplicationModel.updateOne({ _id: order.applicationId }, { $pull: { 'fee.duplicateOrders': order.outTradeNo } }, { timestamps: false });
}
