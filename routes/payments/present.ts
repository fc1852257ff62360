// What leaves the server about payments: listed field by field (no openid, no prepay id).
import type { PaymentOrder } from '../../models/payment-order.ts';
import type { PaymentRefund } from '../../models/payment-refund.ts';
import { refundedFen } from '../../services/payments/refunds.ts';

/** One refund as admins and the citizen see it. */
export function presentRefund(refund: PaymentRefund) {
  return {
    outRefundNo: refund.outRefundNo,
    amountFen: refund.amountFen,
    status: refund.status,
    reason: refund.reason,
    createdAt: (refund as { createdAt?: Date }).createdAt?.toISOString() ?? '',
    succeededAt: refund.succeededAt?.toISOString() ?? null,
  };
}

/** One order; `refunds` (its refunds) give the refunded sum. */
export function presentOrder(order: PaymentOrder, refunds: PaymentRefund[] = []) {
  return {
    id: String(order._id),
    outTradeNo: order.outTradeNo,
    itemCode: order.itemCode,
    description: order.description,
    amountFen: order.amountFen,
    status: order.status,
    createdAt: (order as { createdAt?: Date }).createdAt?.toISOString() ?? '',
    expiresAt: order.timeExpire.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    transactionId: order.transactionId ?? null,
    refundedFen: refundedFen(refunds),
  };
}

/** One order with its refunds. */
export function presentPayment(view: { order: PaymentOrder; refunds: PaymentRefund[] }) {
  return { ...presentOrder(view.order, view.refunds), refunds: view.refunds.map(presentRefund) };
}
