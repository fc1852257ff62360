// WeChat Pay notifies (支付结果通知, 退款结果通知): verified over the raw body and decrypted by the
// integration, then checked against our records and applied once. Any AppError thrown here is
// answered to WeChat as {code: 'FAIL'}, and WeChat Pay sends the notify again later.
import {
  WechatPayDecryptError,
  WechatPaySignatureError,
  readRefund,
  readTransaction,
  type HeaderBag,
  type NotifiedRefund,
  type NotifiedTransaction,
} from '../../integrations/wechatpay/index.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { PaymentRefundModel } from '../../models/payment-refund.ts';
import { AppError } from '../../server/errors.ts';
import { logger } from '../../server/logger.ts';
import { merchantId, payClient } from './client.ts';
import { applyRefundOutcome } from './refunds.ts';
import { refuseReport, settleOrder } from './settle.ts';

export interface NotifyMessage {
  headers: HeaderBag;
  rawBody: string | Buffer;
  now?: Date;
}

/** Handles one notify; resolves when it is applied or was applied before (answer 204). */
export async function handlePayNotify(message: NotifyMessage): Promise<void> {
  const now = message.now ?? new Date();
  const notify = parse(message, now);
  if (notify.eventType.startsWith('TRANSACTION.')) return onTransaction(readOrRefuse(readTransaction, notify.resource), now);
  if (notify.eventType.startsWith('REFUND.')) return onRefund(readOrRefuse(readRefund, notify.resource), now);
  logger.info({ eventType: notify.eventType, notifyId: notify.id }, 'WeChat Pay notify of no interest acknowledged');
}

function parse(message: NotifyMessage, now: Date) {
  try {
    return payClient().parseNotify({ headers: message.headers, rawBody: message.rawBody, now });
  } catch (error) {
    if (error instanceof WechatPaySignatureError) {
      logger.warn({ code: error.code, reason: error.message }, 'WeChat Pay notify signature refused');
      throw new AppError(401, error.code, error.code === 'TIMESTAMP_EXPIRED' ? '通知时间戳过期' : '签名验证失败');
    }
    if (error instanceof WechatPayDecryptError) {
      logger.warn({ reason: error.message }, 'WeChat Pay notify could not be decrypted');
      throw new AppError(400, 'DECRYPT_FAILED', '通知解密失败');
    }
    throw error;
  }
}

function readOrRefuse<T>(read: (resource: unknown) => T, resource: unknown): T {
  try {
    return read(resource);
  } catch {
    throw new AppError(400, 'RESOURCE_INVALID', '通知内容不完整');
  }
}

async function onTransaction(transaction: NotifiedTransaction, now: Date): Promise<void> {
  // Only SUCCESS is notified in practice; anything else is for the reconcile job to query.
  if (transaction.tradeState !== 'SUCCESS') return;
  const order = await PaymentOrderModel.findOne({ outTradeNo: transaction.outTradeNo }).lean();
  if (!order) {
    throw await refuseReport(404, 'ORDER_NOT_FOUND', '订单不存在', { entityId: transaction.outTradeNo, reported: transaction });
  }
  await settleOrder(order, transaction, 'notify', now);
}

async function onRefund(reported: NotifiedRefund, now: Date): Promise<void> {
  const refund = await PaymentRefundModel.findOne({ outRefundNo: reported.outRefundNo }).lean();
  const subject = { entityId: refund ? String(refund.orderId) : reported.outRefundNo, reported };
  if (reported.mchId !== merchantId()) throw await refuseReport(400, 'MCHID_MISMATCH', '商户号不符', subject);
  if (!refund || refund.outTradeNo !== reported.outTradeNo) throw await refuseReport(404, 'REFUND_NOT_FOUND', '退款单不存在', subject);
  if (reported.refundFen !== refund.amountFen) throw await refuseReport(400, 'AMOUNT_MISMATCH', '退款金额不符', subject);
  await applyRefundOutcome(refund, { status: reported.refundStatus, refundId: reported.refundId, successTime: reported.successTime }, now);
}
