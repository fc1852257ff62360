// The shapes of WeChat Pay's JSON that OneTrip reads (answers and decrypted notify resources),
// parsed rather than trusted: a field of the wrong type is a WechatPayError, not a surprise.
// Unknown fields are kept out of the parsed value; WeChat adds fields over time.
import { z } from 'zod';

const Amount = z.object({ total: z.number().int().optional(), refund: z.number().int().optional() });

/** 预下单 answer. */
export const PrepayAnswer = z.object({ prepay_id: z.string() });

/** A transaction: the order query's answer and a TRANSACTION.* notify's resource. */
export const TransactionJson = z.object({
  mchid: z.string().optional(),
  appid: z.string().optional(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.string(),
  amount: Amount.optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  success_time: z.string().optional(),
  attach: z.string().optional(),
});

/** A refund: the refund answers and a REFUND.* notify's resource. */
export const RefundJson = z.object({
  mchid: z.string().optional(),
  out_trade_no: z.string().optional(),
  out_refund_no: z.string(),
  refund_id: z.string().optional(),
  status: z.string().optional(),
  refund_status: z.string().optional(),
  amount: z.object({ refund: z.number().int(), total: z.number().int().optional() }),
  success_time: z.string().optional(),
});
