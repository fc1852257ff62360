// A local WeChat Pay API v3 server for tests. It checks the merchant's request signature with
// the merchant public key exactly as the real server does (401 SIGN_ERROR otherwise), signs its
// own answers and notifies with its own key (platform certificate or WeChat Pay public key),
// and keeps orders and refunds in memory so tests can pay, refund and notify.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { toRfc3339China } from '../../integrations/wechatpay/client.ts';
import { buildSignedNotify, randomApiV3Key, signLines, signedHeaders, type SignedNotify } from '../../integrations/wechatpay/sandbox/signing.ts';
import {
  completeRefund,
  newSandboxState,
  newTransactionId,
  payOrder,
  presentTransaction,
  route,
  type RequestBody,
  type SandboxOrder as FakeOrder,
  type SandboxRefund as FakeRefund,
} from '../../integrations/wechatpay/sandbox/state.ts';
import { authorizationProblem, createPlatformIdentity, type FakeMode } from './fake-wechatpay-crypto.ts';

export interface FakeWechatPayOptions {
  mchId: string;
  appId: string;
  merchantPublicKeyPem: string;
  merchantSerial: string;
  mode: FakeMode;
}

export type NotifyTamper = 'body' | 'signature' | 'timestamp' | 'serial';

export interface NotifyOptions {
  /** Sign wrongly on purpose: changed body, bad signature, 6 minutes old, or an unknown serial. */
  tamper?: NotifyTamper;
  /** When the notify is signed (Wechatpay-Timestamp); now by default. */
  signedAt?: Date;
  /** Lay the JSON out with line breaks and indentation (still signed correctly), as a server may. */
  spaced?: boolean;
}

export type BuiltNotify = SignedNotify;

export type BeforeAnswer = (request: { method: string; path: string; status: number }) => Promise<void>;

export type FakeWechatPay = Awaited<ReturnType<typeof startFakeWechatPay>>;

/** Starts the fake on 127.0.0.1 with a fresh signing identity and APIv3 key. */
export async function startFakeWechatPay(options: FakeWechatPayOptions) {
  const identity = await createPlatformIdentity(options.mode);
  const apiV3Key = randomApiV3Key();
  const state = newSandboxState(options.mchId, options.appId);
  const requests: Array<{ method: string; path: string; status: number }> = [];
  const control: { tamperResponses: boolean; beforeAnswer?: BeforeAnswer } = { tamperResponses: false };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const answer = answerRequest(req, body);
    // Lets a test act (say, send a notify) after the fake has done the work but before it answers.
    if (control.beforeAnswer) await control.beforeAnswer({ method: req.method ?? '', path: req.url ?? '', status: answer.status });
    const text = answer.body ? JSON.stringify(answer.body) : '';
    const headers = signedHeaders(identity, text, new Date());
    if (control.tamperResponses) headers['Wechatpay-Signature'] = signLines(identity.privateKeyPem, ['tampered', text]);
    requests.push({ method: req.method ?? '', path: req.url ?? '', status: answer.status });
    res.writeHead(answer.status, { ...headers, 'Request-ID': randomBytes(8).toString('hex'), ...(text ? { 'Content-Type': 'application/json' } : {}) });
    res.end(text);
  });

  function answerRequest(req: IncomingMessage, body: string) {
    const problem = authorizationProblem({
      header: req.headers.authorization,
      method: req.method ?? '',
      pathWithQuery: req.url ?? '',
      body,
      mchId: options.mchId,
      merchantSerial: options.merchantSerial,
      merchantPublicKeyPem: options.merchantPublicKeyPem,
      now: new Date(),
    });
    if (problem) return { status: 401, body: { code: 'SIGN_ERROR', message: problem } };
    let parsed: RequestBody | undefined;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      return { status: 400, body: { code: 'PARAM_ERROR', message: '请求体不是合法的JSON' } };
    }
    return route(state, req.method ?? '', new URL(req.url ?? '/', 'http://fake'), parsed);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function signNotify(eventType: string, summary: string, originalType: string, resource: object, opts: NotifyOptions): BuiltNotify {
    const signedAt = opts.tamper === 'timestamp' ? new Date(Date.now() - 6 * 60_000) : (opts.signedAt ?? new Date());
    const { headers, body } = buildSignedNotify(identity, apiV3Key, { eventType, summary, originalType, resource, signedAt, spaced: opts.spaced });
    if (opts.tamper === 'body') return { headers, body: body.replace('"id":"EV-', '"id":"EX-') };
    if (opts.tamper === 'signature') headers['Wechatpay-Signature'] = signLines(identity.privateKeyPem, ['forged', body]);
    if (opts.tamper === 'serial') headers['Wechatpay-Serial'] = otherSerial(identity.serial);
    return { headers, body };
  }

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    mode: options.mode,
    platformCert: identity.platformCert,
    publicKey: identity.publicKey,
    apiV3Key,
    orders: state.orders as ReadonlyMap<string, FakeOrder>,
    refunds: state.refunds as ReadonlyMap<string, FakeRefund>,
    /** Every request the fake answered, in order. */
    requests,
    /** When true, answers carry a signature that does not verify. */
    get tamperResponses() {
      return control.tamperResponses;
    },
    set tamperResponses(value: boolean) {
      control.tamperResponses = value;
    },

    /** Runs before each answer is sent (undefined: answer at once). */
    get beforeAnswer() {
      return control.beforeAnswer;
    },
    set beforeAnswer(hook: BeforeAnswer | undefined) {
      control.beforeAnswer = hook;
    },

    /** The citizen pays: the order becomes SUCCESS with a transaction id. */
    pay: (outTradeNo: string, at = new Date()): FakeOrder => payOrder(state, outTradeNo, at),

    /** The refund reaches the citizen (or fails): status SUCCESS unless told otherwise. */
    completeRefund: (outRefundNo: string, status: FakeRefund['status'] = 'SUCCESS', at = new Date()): FakeRefund =>
      completeRefund(state, outRefundNo, status, at),

    /** A signed TRANSACTION.SUCCESS notify for an order (created by the client, or made up here). */
    buildNotify(input: { outTradeNo: string; tradeState: string; amountFen?: number; mchId?: string } & NotifyOptions): BuiltNotify {
      const known = state.orders.get(input.outTradeNo);
      const order: FakeOrder = {
        ...(known ?? madeUpOrder(input.outTradeNo, options.appId)),
        tradeState: input.tradeState as FakeOrder['tradeState'],
        amountFen: input.amountFen ?? known?.amountFen ?? 1,
      };
      order.transactionId ??= newTransactionId();
      order.successTime ??= toRfc3339China(new Date());
      const resource = presentTransaction(state, order, input.mchId);
      const eventType = input.tradeState === 'SUCCESS' ? 'TRANSACTION.SUCCESS' : `TRANSACTION.${input.tradeState}`;
      return signNotify(eventType, '支付成功', 'transaction', resource, input);
    },

    /** A signed REFUND.* notify for a refund made through the client. */
    buildRefundNotify(input: { outRefundNo: string; refundStatus?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' } & NotifyOptions): BuiltNotify {
      const refund = state.refunds.get(input.outRefundNo);
      if (!refund) throw new Error(`fake WeChat Pay has no refund ${input.outRefundNo}`);
      const refundStatus = input.refundStatus ?? 'SUCCESS';
      const resource = {
        mchid: options.mchId,
        out_trade_no: refund.outTradeNo,
        transaction_id: refund.transactionId,
        out_refund_no: refund.outRefundNo,
        refund_id: refund.refundId,
        refund_status: refundStatus,
        ...(refundStatus === 'SUCCESS' ? { success_time: toRfc3339China(new Date()) } : {}),
        user_received_account: '支付用户零钱',
        amount: { total: refund.totalFen, refund: refund.amountFen, payer_total: refund.totalFen, payer_refund: refund.amountFen },
      };
      return signNotify(`REFUND.${refundStatus}`, '退款成功', 'refund', resource, input);
    },

    /** POSTs a built notify as WeChat Pay would; returns the status and body answered. */
    async sendNotify(url: string, notify: BuiltNotify): Promise<{ status: number; body: string }> {
      const response = await fetch(url, { method: 'POST', headers: notify.headers, body: notify.body });
      return { status: response.status, body: await response.text() };
    },

    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function otherSerial(serial: string): string {
  return serial.startsWith('PUB_KEY_ID_') ? `PUB_KEY_ID_${'0'.repeat(20)}` : randomBytes(20).toString('hex').toUpperCase();
}

function madeUpOrder(outTradeNo: string, appId: string): FakeOrder {
  return {
    outTradeNo,
    appId,
    description: '测试',
    amountFen: 1,
    payerOpenid: 'o-fake-payer',
    notifyUrl: '',
    attach: '',
    timeExpire: '',
    prepayId: '',
    tradeState: 'NOTPAY',
    refundedFen: 0,
  };
}
