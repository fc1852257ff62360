// WeChat Pay notifies (支付结果通知, 退款结果通知): verify the signature over the raw body, then
// decrypt the resource. The route answers 204 on success and {code: 'FAIL'} otherwise.
import { RefundJson, TransactionJson } from './answers.ts';
import { WechatPayDecryptError } from './errors.ts';
import { decryptResource, type EncryptedResource } from './resource.ts';
import type { NotifyVerifier, SignedMessage } from './verifier.ts';

export interface ParsedNotify {
  /** The notify id (EV-…): the same event may arrive several times with the same id. */
  id: string;
  /** TRANSACTION.SUCCESS, REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED … */
  eventType: string;
  /** The decrypted resource: read it with readTransaction / readRefund. */
  resource: unknown;
}

/** Verifies (WechatPaySignatureError) and decrypts (WechatPayDecryptError) one notify. */
export function parseNotify(message: SignedMessage & { verifier: NotifyVerifier; apiV3Key: string }): ParsedNotify {
  message.verifier.verifyNotify(message);
  const text = typeof message.rawBody === 'string' ? message.rawBody : message.rawBody.toString('utf8');
  let envelope: { id?: unknown; event_type?: unknown; resource?: EncryptedResource };
  try {
    envelope = JSON.parse(text);
  } catch (error) {
    throw new WechatPayDecryptError('notify body is not JSON', { cause: error });
  }
  const { resource } = envelope;
  if (typeof envelope.event_type !== 'string' || !resource || typeof resource.ciphertext !== 'string') {
    throw new WechatPayDecryptError('notify body has no event_type or resource');
  }
  return {
    id: String(envelope.id ?? ''),
    eventType: envelope.event_type,
    resource: decryptResource(resource, message.apiV3Key),
  };
}

export interface NotifiedTransaction {
  mchId: string;
  appId: string;
  outTradeNo: string;
  transactionId: string;
  tradeState: string;
  amountFen: number;
  payerOpenid?: string;
  successTime?: Date;
  attach?: string;
}

/** The fields of a decrypted transaction resource that an order needs (amount in fen). */
export function readTransaction(resource: unknown): NotifiedTransaction {
  const parsed = TransactionJson.safeParse(resource);
  if (!parsed.success || parsed.data.amount?.total === undefined) throw new WechatPayDecryptError('resource is not a transaction');
  const data = parsed.data;
  return {
    mchId: String(data.mchid),
    appId: String(data.appid),
    outTradeNo: data.out_trade_no,
    transactionId: data.transaction_id ?? '',
    tradeState: data.trade_state,
    amountFen: parsed.data.amount?.total ?? 0,
    payerOpenid: data.payer?.openid,
    successTime: data.success_time ? new Date(data.success_time) : undefined,
    attach: data.attach || undefined,
  };
}

export interface NotifiedRefund {
  mchId: string;
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  refundStatus: string;
  refundFen: number;
  successTime?: Date;
}

/** The fields of a decrypted refund resource (REFUND.* events). */
export function readRefund(resource: unknown): NotifiedRefund {
  const parsed = RefundJson.safeParse(resource);
  if (!parsed.success) throw new WechatPayDecryptError('resource is not a refund');
  const data = parsed.data;
  return {
    mchId: String(data.mchid),
    outTradeNo: String(data.out_trade_no),
    outRefundNo: data.out_refund_no,
    refundId: data.refund_id ?? '',
    refundStatus: String(data.refund_status),
    refundFen: data.amount.refund,
    successTime: data.success_time ? new Date(data.success_time) : undefined,
  };
}
