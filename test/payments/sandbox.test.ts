// WECHAT_SANDBOX without a merchant: OneTrip plays WeChat Pay with keys made in memory, and the
// citizen's "I paid" goes through the production notify path (signature, decryption, checks).
// WeChat Pay's base URL points at a closed port, so a request that left the sandbox would fail.
import test from 'ava';
import { verify } from 'node:crypto';
import { paymentReconcileJob } from '../../jobs/payment-reconcile.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { config, parseEnv, paymentsEnabled, paymentsSandboxed } from '../../server/config.ts';
import { sandboxPay } from '../../services/payments/client.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildStaff } from '../helpers/factories.ts';
import { FEE_TOTAL_FEN, NOTIFY_PATH, buildFeeApplication, storedApplication, storedOrder } from '../helpers/payments.ts';

let app: TestApp;
test.before(async () => {
  Object.assign(config, { WECHAT_SANDBOX: true, WECHATPAY_MCHID: '', WECHATPAY_API_BASE: 'http://127.0.0.1:9' });
  app = await startTestApp();
});
test.after.always(() => app?.close());

/** A citizen's fee application with an order made through the API. */
async function ordered() {
  const fee = await buildFeeApplication();
  const res = await app.request('POST', `/api/v1/applications/${fee.applicationId}/payments`, { token: fee.citizen.token });
  if (res.status !== 200) throw new Error(`order failed: ${res.status} ${res.text}`);
  return { ...fee, offer: res.body, outTradeNo: String(res.body.order.outTradeNo) };
}

const confirm = (applicationId: string, token: string) => app.request('POST', `/api/v1/applications/${applicationId}/payments/sandbox-confirm`, { token });

test('config › payments are on in the sandbox unless a merchant is configured, which takes over', (t) => {
  t.true(paymentsSandboxed(parseEnv({})));
  t.true(paymentsEnabled(parseEnv({})));
  t.false(paymentsEnabled(parseEnv({ NODE_ENV: 'test' })));
  const merchant = parseEnv({ WECHATPAY_MCHID: '1900000109' });
  t.false(paymentsSandboxed(merchant));
  t.true(paymentsEnabled(merchant));
});

test('POST /applications/:id/payments › sandbox › answers wx.requestPayment parameters signed with the sandbox merchant key', async (t) => {
  const { offer } = await ordered();
  t.like(offer, { appId: config.WECHAT_APPID, signType: 'RSA', order: { status: 'open', amountFen: FEE_TOTAL_FEN } });
  t.regex(offer.package, /^prepay_id=wx[0-9a-f]+$/);
  const message = `${offer.appId}\n${offer.timeStamp}\n${offer.nonceStr}\n${offer.package}\n`;
  t.true(verify('RSA-SHA256', Buffer.from(message), sandboxPay().merchantPublicKeyPem, Buffer.from(offer.paySign, 'base64')));
  t.false(
    verify('RSA-SHA256', Buffer.from(message.replace('prepay_id=', 'prepay_id=x')), sandboxPay().merchantPublicKeyPem, Buffer.from(offer.paySign, 'base64')),
  );
});

test('POST /applications/:id/payments/sandbox-confirm › settles through the verified notify; confirming twice settles once', async (t) => {
  const { applicationId, citizen, outTradeNo } = await ordered();
  const first = await confirm(applicationId, citizen.token);
  t.is(first.status, 200, first.text);
  t.like(first.body, { outTradeNo, status: 'paid', amountFen: FEE_TOTAL_FEN });
  t.regex(first.body.transactionId, /^4200\d{20}$/);
  t.true((await storedApplication(applicationId)).paid);
  t.like(await storedOrder(outTradeNo), { status: 'paid', settledBy: 'notify' });
  const again = await confirm(applicationId, citizen.token);
  t.is(again.status, 200, again.text);
  t.is(again.body.transactionId, first.body.transactionId);
  t.is(await AuditLogModel.countDocuments({ entityId: first.body.id, action: 'pay' }), 1);
  const offered = await app.request('POST', `/api/v1/applications/${applicationId}/payments`, { token: citizen.token });
  t.is(offered.body.error?.code, 'ALREADY_PAID');
});

test('POST /applications/:id/payments/sandbox-confirm › no order yet, or someone else’s application › 409 NO_OPEN_ORDER, 404', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const none = await confirm(applicationId, citizen.token);
  t.is(none.status, 409);
  t.is(none.body.error.code, 'NO_OPEN_ORDER');
  const other = await ordered();
  const foreign = await confirm(other.applicationId, citizen.token);
  t.is(foreign.status, 404);
  t.is((await storedOrder(other.outTradeNo)).status, 'open');
});

test.serial('POST /wechat/pay/notify › a sandbox notify with one byte changed › is refused by the verifier (401 FAIL); the genuine one settles', async (t) => {
  const { applicationId, outTradeNo } = await ordered();
  const notify = sandboxPay().pay(outTradeNo, new Date());
  const at = notify.body.indexOf('"id":"EV-') + 9;
  const tampered = notify.body.slice(0, at) + (notify.body[at] === '0' ? '1' : '0') + notify.body.slice(at + 1);
  t.is(Buffer.byteLength(tampered), Buffer.byteLength(notify.body));
  const refused = await app.request('POST', NOTIFY_PATH, { headers: notify.headers, rawBody: tampered });
  t.is(refused.status, 401);
  t.is(refused.body.code, 'FAIL');
  t.like(await storedOrder(outTradeNo), { status: 'open' });
  t.false((await storedApplication(applicationId)).paid);
  const genuine = await app.request('POST', NOTIFY_PATH, { headers: notify.headers, rawBody: notify.body });
  t.is(genuine.status, 204, genuine.text);
  t.like(await storedOrder(outTradeNo), { status: 'paid', settledBy: 'notify' });
});

test.serial('payment-reconcile › sandbox › a payment whose notify never came is settled by querying the sandbox', async (t) => {
  const { applicationId, outTradeNo } = await ordered();
  sandboxPay().pay(outTradeNo, new Date());
  await paymentReconcileJob.run(new Date(Date.now() + 6 * 60_000));
  t.like(await storedOrder(outTradeNo), { status: 'paid', settledBy: 'query' });
  t.true((await storedApplication(applicationId)).paid);
});

test.serial('POST /admin/payments/:id/refund › sandbox › the refund reaches the citizen at once: order refunded, application unpaid', async (t) => {
  const { applicationId, citizen } = await ordered();
  const paid = await confirm(applicationId, citizen.token);
  const admin = await buildStaff('center_admin', null);
  const refund = await app.request('POST', `/api/v1/admin/payments/${paid.body.id}/refund`, { token: admin.token, body: { reason: '申请撤回' } });
  t.is(refund.status, 200, refund.text);
  t.like(refund.body, { status: 'success', amountFen: FEE_TOTAL_FEN });
  t.like(await storedOrder(paid.body.outTradeNo), { status: 'refunded', refundableFen: 0 });
  t.false((await storedApplication(applicationId)).paid);
});

test.serial('POST /applications/:id/payments/sandbox-confirm › sandbox off › 404 NOT_FOUND, nothing paid', async (t) => {
  const { applicationId, citizen, outTradeNo } = await ordered();
  Object.assign(config, { WECHAT_SANDBOX: false });
  try {
    const res = await confirm(applicationId, citizen.token);
    t.is(res.status, 404);
    t.is(res.body.error.code, 'NOT_FOUND');
  } finally {
    Object.assign(config, { WECHAT_SANDBOX: true });
  }
  t.like(await storedOrder(outTradeNo), { status: 'open' });
});
