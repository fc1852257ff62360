// The state changes of a payment order, each one conditional update guarded by the current
// status, so a notify and the reconcile job (or a repeated notify) can race without paying
// anything twice: settle (→ paid), close (→ closed), and reconcile (ask WeChat Pay, then either).
// Whatever must happen once after a change is done by the request whose update matched.
import { WechatPayError } from '../../integrations/wechatpay/index.ts';
import { PaymentOrderModel, type PaymentOrder } from '../../models/payment-order.ts';
import { AppError } from '../../server/errors.ts';
import { logger } from '../../server/logger.ts';
import { recordAudit } from '../audit/record.ts';
import { markPaidOnline } from './application-fee.ts';
import { merchantId, payClient } from './client.ts';

/** A payment as WeChat Pay reported it (notify or query). */
export interface ReportedPayment {
  mchId: string;
  outTradeNo: string;
  transactionId: string;
  amountFen: number;
  successTime?: Date;
}

export const WECHATPAY_ACTOR = { kind: 'system', id: 'wechatpay' } as const;

/**
 * Refuses a report that does not match our records: audited (the money trail), logged, and
 * answered as an AppError the notify route turns into WeChat's FAIL form.
 */
export async function refuseReport(
  status: number,
  code: string,
  message: string,
  subject: { order?: PaymentOrder | null; entityId: string; reported: unknown },
) {
  logger.warn({ code, entityId: subject.entityId }, 'WeChat Pay report refused');
  await recordAudit({
    actor: WECHATPAY_ACTOR,
    action: 'payment_report_refused',
    entity: 'payment_order',
    entityId: subject.entityId,
    before: subject.order ? { status: subject.order.status, amountFen: subject.order.amountFen, outTradeNo: subject.order.outTradeNo } : null,
    after: subject.reported,
    purpose: code,
  });
  return new AppError(status, code, message);
}

/** Marks `order` paid if WeChat's report matches it; a repeat is 'already' and changes nothing. */
export async function settleOrder(
  order: PaymentOrder,
  reported: ReportedPayment,
  source: 'notify' | 'query',
  now = new Date(),
): Promise<'settled' | 'already'> {
  const subject = { order, entityId: String(order._id), reported };
  if (reported.mchId !== merchantId()) throw await refuseReport(400, 'MCHID_MISMATCH', '商户号不符', subject);
  if (reported.amountFen !== order.amountFen) throw await refuseReport(400, 'AMOUNT_MISMATCH', '金额与订单不符', subject);
  const paidAt = reported.successTime ?? now;
  // Closed or failed orders are included: if WeChat says the money arrived, it did. Only one
  // caller's update matches; a repeat (or the notify racing the reconcile query) gets null.
  const before = await PaymentOrderModel.findOneAndUpdate(
    { _id: order._id, status: { $in: ['open', 'closed', 'failed'] } },
    { $set: { status: 'paid', transactionId: reported.transactionId, paidAt, settledBy: source, refundableFen: order.amountFen } },
  ).lean();
  if (!before) return 'already';
  if (before.status !== 'open') logger.error({ orderId: String(order._id), was: before.status }, 'payment arrived for an order no longer open');
  const outcome = await markPaidOnline(order, now);
  if (outcome === 'paid_again') logger.error({ applicationId: String(order.applicationId) }, 'application paid twice: refund one order');
  await recordAudit(
    {
      actor: WECHATPAY_ACTOR,
      action: 'pay',
      entity: 'payment_order',
      entityId: String(order._id),
      before: { status: before.status },
      after: { status: 'paid', amountFen: order.amountFen, transactionId: reported.transactionId, source, application: outcome },
    },
    now,
  );
  return 'settled';
}

/** Closes an unpaid order here (only if still open), which lets the application order again. */
export async function closeLocally(order: PaymentOrder, now: Date, status: 'closed' | 'failed' = 'closed'): Promise<void> {
  await PaymentOrderModel.updateOne({ _id: order._id, status: 'open' }, { $set: { status, closedAt: now } });
}

export type ReconcileOutcome = 'settled' | 'closed' | 'pending';

/**
 * Asks WeChat Pay about an open order: settles it if paid, closes it if unpaid and expired
 * (or `closeUnpaid`), otherwise leaves it open.
 */
export async function reconcileOrder(order: PaymentOrder, now: Date, closeUnpaid = order.timeExpire <= now): Promise<ReconcileOutcome> {
  const client = payClient();
  let state;
  try {
    state = await client.queryOrder(order.outTradeNo);
  } catch (error) {
    if (!(error instanceof WechatPayError && error.code === 'ORDER_NOT_EXIST')) throw error;
    // The order request never reached WeChat Pay: nothing can be paid.
    if (!closeUnpaid) return 'pending';
    await closeLocally(order, now);
    return 'closed';
  }
  if (state.tradeState === 'SUCCESS' || state.tradeState === 'REFUND') {
    const reported = {
      mchId: merchantId(),
      outTradeNo: order.outTradeNo,
      transactionId: state.transactionId ?? '',
      amountFen: state.amountFen ?? -1,
      successTime: state.successTime,
    };
    await settleOrder(order, reported, 'query', now);
    return 'settled';
  }
  if (['CLOSED', 'REVOKED', 'PAYERROR'].includes(state.tradeState)) {
    await closeLocally(order, now);
    return 'closed';
  }
  if (state.tradeState !== 'NOTPAY' || !closeUnpaid) return 'pending';
  try {
    await client.closeOrder(order.outTradeNo);
  } catch (error) {
    // Paid between our query and the close: the next run (or the notify) settles it.
    if (error instanceof WechatPayError && error.code === 'ORDERPAID') return 'pending';
    throw error;
  }
  await closeLocally(order, now);
  return 'closed';
}
