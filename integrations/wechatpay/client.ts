// The WeChat Pay operations OneTrip uses: JSAPI orders for the mini-program, their query and
// close, refunds. Amounts are integer fen; instants are Dates.
import { createSign, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { PrepayAnswer, RefundJson, TransactionJson } from './answers.ts';
import { WechatPayError } from './errors.ts';
import { assertOutTradeNo } from './out-trade-no.ts';
import { parseNotify, type ParsedNotify } from './notify.ts';
import { createTransport, type SignedRequest, type TransportOptions } from './transport.ts';
import type { SignedMessage } from './verifier.ts';

export interface PayClientOptions extends TransportOptions {
  /** The APIv3 key (32 characters) that encrypts notify resources. */
  apiV3Key: string;
  /** Where WeChat Pay posts payment results: .../api/v1/wechat/pay/notify. */
  notifyUrl: string;
  /** Sends one request to WeChat Pay; the signed HTTP transport unless given (the sandbox's is in-process). */
  send?: SignedRequest;
}

export interface JsapiOrderInput {
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  timeExpire: Date;
  attach?: string;
}

export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface OrderState {
  /** SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR */
  tradeState: string;
  transactionId?: string;
  amountFen?: number;
  successTime?: Date;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  amountFen: number;
  totalFen: number;
  reason: string;
  notifyUrl?: string;
}

export interface RefundState {
  refundId: string;
  outRefundNo: string;
  /** SUCCESS, CLOSED, PROCESSING, ABNORMAL */
  status: string;
  amountFen: number;
  successTime?: Date;
}

export type PayClient = ReturnType<typeof createPayClient>;

/** A client bound to one merchant; every failure is a typed error (see errors.ts). */
export function createPayClient(options: PayClientOptions) {
  if (Buffer.byteLength(options.apiV3Key) !== 32) throw new TypeError('the APIv3 key must be 32 bytes');
  const send = options.send ?? createTransport(options);
  const orderPath = (outTradeNo: string) => {
    assertOutTradeNo(outTradeNo);
    return `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;
  };

  return {
    /** 预下单: creates the JSAPI order and returns its prepay_id (valid two hours). */
    async createJsapiOrder(input: JsapiOrderInput): Promise<{ prepayId: string }> {
      assertOutTradeNo(input.outTradeNo);
      if (!Number.isInteger(input.amountFen) || input.amountFen <= 0) throw new TypeError('amountFen must be a positive integer');
      const { data } = await send('POST', '/v3/pay/transactions/jsapi', {
        appid: options.appId,
        mchid: options.mchId,
        description: input.description,
        out_trade_no: input.outTradeNo,
        time_expire: toRfc3339China(input.timeExpire),
        ...(input.attach ? { attach: input.attach } : {}),
        notify_url: options.notifyUrl,
        amount: { total: input.amountFen, currency: 'CNY' },
        payer: { openid: input.payerOpenid },
      });
      return { prepayId: answerOf(PrepayAnswer, data).prepay_id };
    },

    /** The parameters of wx.requestPayment, signed with the merchant key as WeChat documents. */
    buildRequestPaymentParams(prepayId: string, now = new Date()): RequestPaymentParams {
      const timeStamp = Math.floor(now.getTime() / 1000).toString();
      const nonceStr = randomBytes(16).toString('hex');
      const pkg = `prepay_id=${prepayId}`;
      const paySign = createSign('RSA-SHA256').update(`${options.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).sign(options.privateKey, 'base64');
      return { appId: options.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
    },

    /** 查询订单 by out_trade_no; a never-created order is WechatPayError 404 ORDER_NOT_EXIST. */
    async queryOrder(outTradeNo: string): Promise<OrderState> {
      const data = answerOf(TransactionJson, (await send('GET', `${orderPath(outTradeNo)}?mchid=${encodeURIComponent(options.mchId)}`)).data);
      return {
        tradeState: data.trade_state,
        transactionId: data.transaction_id || undefined,
        amountFen: data.amount?.total,
        successTime: data.success_time ? new Date(data.success_time) : undefined,
      };
    },

    /** 关闭订单: the citizen can no longer pay it (answered 204). */
    async closeOrder(outTradeNo: string): Promise<void> {
      await send('POST', `${orderPath(outTradeNo)}/close`, { mchid: options.mchId });
    },

    /** 申请退款 (part or all of a paid order). */
    async createRefund(input: RefundInput): Promise<RefundState> {
      assertOutTradeNo(input.outTradeNo);
      assertOutTradeNo(input.outRefundNo);
      const { data } = await send('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        reason: input.reason,
        notify_url: input.notifyUrl ?? options.notifyUrl,
        amount: { refund: input.amountFen, total: input.totalFen, currency: 'CNY' },
      });
      return toRefundState(answerOf(RefundJson, data));
    },

    /** 查询单笔退款 by out_refund_no. */
    async queryRefund(outRefundNo: string): Promise<RefundState> {
      assertOutTradeNo(outRefundNo);
      const { data } = await send('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
      return toRefundState(answerOf(RefundJson, data));
    },

    /** Verifies and decrypts a notify with this merchant's verifier and APIv3 key. */
    parseNotify(message: SignedMessage): ParsedNotify {
      return parseNotify({ ...message, verifier: options.verifier, apiV3Key: options.apiV3Key });
    },
  };
}

/** WeChat Pay's answer parsed by `schema`; an answer of another shape is a WechatPayError. */
function answerOf<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new WechatPayError(502, 'INVALID_RESPONSE', 'WeChat Pay answered an unexpected body', parsed.error.issues);
  return parsed.data;
}

function toRefundState(data: z.output<typeof RefundJson>): RefundState {
  return {
    refundId: String(data.refund_id),
    outRefundNo: data.out_refund_no,
    status: String(data.status),
    amountFen: data.amount.refund,
    successTime: data.success_time ? new Date(data.success_time) : undefined,
  };
}

/** WeChat Pay wants RFC 3339 in China time: 2026-11-21T13:05:00+08:00 (China has no DST). */
export function toRfc3339China(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
