// WeChat Pay played by OneTrip itself (WECHAT_SANDBOX with no merchant configured), for local
// installs: a merchant key, a WeChat Pay public key and an APIv3 key are generated in memory,
// and the real client (createPayClient) talks in-process to the state machine of state.ts. What
// a real payment adds is here too: the citizen pays, and WeChat Pay posts a notify that is really
// signed and encrypted, so the verifier, the decryption and every check after them run as in
// production. Nothing leaves the machine; a restart forgets every order.
import { createPayClient } from '../client.ts';
import { toWechatPayError, type SignedRequest } from '../transport.ts';
import { createNotifyVerifier } from '../verifier.ts';
import { completeRefund, newSandboxState, payOrder, presentRefund, presentTransaction, route, type RequestBody, type SandboxState } from './state.ts';
import { buildSignedNotify, createPublicKeyIdentity, generateRsaKeyPair, randomApiV3Key, type SignedNotify } from './signing.ts';

/** The sandbox's merchant id (商户号), WeChat Pay's documentation example. */
export const SANDBOX_MCH_ID = '1230000109';
const API_BASE = 'https://api.mch.weixin.qq.com';
const REFUNDS_PATH = '/v3/refund/domestic/refunds';

export interface SandboxPayOptions {
  appId: string;
  /** What the orders name as notify_url (the sandbox hands its notifies over in-process). */
  notifyUrl: string;
}

export type SandboxPay = ReturnType<typeof createSandboxPay>;

/** A fresh sandbox: new keys, no orders. */
export function createSandboxPay(options: SandboxPayOptions) {
  const merchant = generateRsaKeyPair();
  const wechatPay = createPublicKeyIdentity();
  const apiV3Key = randomApiV3Key();
  const state = newSandboxState(SANDBOX_MCH_ID, options.appId);
  const client = createPayClient({
    mchId: SANDBOX_MCH_ID,
    appId: options.appId,
    serial: 'SANDBOX',
    privateKey: merchant.privateKeyPem,
    apiV3Key,
    apiBase: API_BASE,
    notifyUrl: options.notifyUrl,
    verifier: createNotifyVerifier({ publicKey: wechatPay.publicKey }),
    send: inProcess(state),
  });
  return {
    mchId: SANDBOX_MCH_ID,
    client,
    /** Verifies the paySign of wx.requestPayment parameters, as WeChat's client does. */
    merchantPublicKeyPem: merchant.publicKeyPem,
    /** True when WeChat Pay (this sandbox) has the order, i.e. it was created since the start. */
    knows: (outTradeNo: string) => state.orders.has(outTradeNo),
    /** The citizen pays the order at `at`; answers the notify WeChat Pay then posts (again, for an order paid before). */
    pay(outTradeNo: string, at: Date): SignedNotify {
      const order = payOrder(state, outTradeNo, at);
      return buildSignedNotify(wechatPay, apiV3Key, {
        eventType: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        originalType: 'transaction',
        resource: presentTransaction(state, order),
        signedAt: at,
      });
    },
  };
}

/** The client's requests answered by the state machine; non-2xx answers throw as the HTTP transport's do. */
function inProcess(state: SandboxState): SignedRequest {
  return async (method, path, body) => {
    // Through JSON both ways, as over the wire.
    const request: RequestBody | undefined = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
    const url = new URL(path, API_BASE);
    let answer = route(state, method, url, request);
    // A sandbox refund reaches the citizen at once (WeChat Pay may answer SUCCESS right away too).
    const refund = method === 'POST' && url.pathname === REFUNDS_PATH ? state.refunds.get(request?.out_refund_no ?? '') : undefined;
    if (answer.status === 200 && refund?.status === 'PROCESSING') answer = { status: 200, body: presentRefund(completeRefund(state, refund.outRefundNo)) };
    const raw = answer.body ? JSON.stringify(answer.body) : '';
    if (answer.status < 200 || answer.status >= 300) throw toWechatPayError(answer.status, raw);
    return { status: answer.status, data: raw ? JSON.parse(raw) : undefined };
  };
}
