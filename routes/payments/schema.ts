// Request and answer schemas of the payment routes.
import { z } from 'zod';
import { PAYMENT_ORDER_STATUSES } from '../../models/payment-order.ts';
import { PAYMENT_REFUND_STATUSES } from '../../models/payment-refund.ts';

export const IdParams = z.object({ id: z.string().min(1).max(64) });

export const RefundRequest = z
  .object({
    reason: z.string().trim().min(1).max(80),
    /** Part of the order in fen; the whole remainder when absent. */
    amountFen: z.number().int().positive().optional().describe('退款金额（分）；不填则退还剩余全部'),
  })
  .meta({ example: { reason: '申请人撤回申请', amountFen: 2000 } });

export const RefundOut = z.object({
  outRefundNo: z.string(),
  amountFen: z.number().int(),
  status: z.enum(PAYMENT_REFUND_STATUSES),
  reason: z.string(),
  createdAt: z.string(),
  succeededAt: z.string().nullable(),
});

export const PaymentOut = z.object({
  id: z.string(),
  outTradeNo: z.string(),
  itemCode: z.string(),
  description: z.string(),
  amountFen: z.number().int(),
  status: z.enum(PAYMENT_ORDER_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  transactionId: z.string().nullable(),
  refundedFen: z.number().int(),
  refunds: z.array(RefundOut),
});

/** One order without its refunds. */
export const OrderOut = PaymentOut.omit({ refunds: true });

/** The wx.requestPayment parameters at the top level (pass the object as is), plus the order. */
export const OrderOfferOut = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
  order: OrderOut,
});

export const PaymentListOut = z.object({ items: z.array(PaymentOut) });
