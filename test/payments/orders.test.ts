// Ordering a fee through the API against the fake WeChat Pay (platform-certificate mode).
import test from 'ava';
import { createVerify } from 'node:crypto';
import { PaymentOrderModel, findOpenOrder } from '../../models/payment-order.ts';
import { TEST_APP_ID } from '../helpers/wechatpay-fixture.ts';
import { buildCitizen } from '../helpers/factories.ts';
import { FEE_TOTAL_FEN, buildFeeApplication, startPaymentsApp, storedApplication, storedOrder, type PaymentsTestbed } from '../helpers/payments.ts';

let bed: PaymentsTestbed;
test.before(async () => {
  bed = await startPaymentsApp('certificate');
});
test.after.always(() => bed?.close());

const order = (applicationId: string, token: string) => bed.app.request('POST', `/api/v1/applications/${applicationId}/payments`, { token });

test.serial('POST /applications/:id/payments › the notify arrives before the order request returned › the order is settled', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  let early: { status: number } | undefined;
  bed.fake.beforeAnswer = async ({ method, path }) => {
    if (method !== 'POST' || path !== '/v3/pay/transactions/jsapi') return;
    bed.fake.beforeAnswer = undefined;
    const outTradeNo = [...bed.fake.orders.keys()].at(-1)!;
    bed.fake.pay(outTradeNo);
    early = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS' }));
  };
  const res = await order(applicationId, citizen.token);
  t.is(early?.status, 204);
  t.is(res.status, 200);
  t.is(res.body.order.status, 'paid');
  t.like(await storedOrder(res.body.order.outTradeNo), { status: 'paid', prepayId: bed.fake.orders.get(res.body.order.outTradeNo)!.prepayId });
  t.true((await storedApplication(applicationId)).paid);
});

test.serial('POST /applications/:id/payments › WeChat Pay answers with a bad signature › answers 502 PAYMENT_FAILED without internals', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  bed.fake.tamperResponses = true;
  try {
    const res = await order(applicationId, citizen.token);
    t.is(res.status, 502);
    t.deepEqual(res.body, { error: { code: 'PAYMENT_FAILED', message: '微信支付处理失败，请稍后再试' } });
  } finally {
    bed.fake.tamperResponses = false;
  }
  // The order is kept and offered again once WeChat Pay answers properly (same out_trade_no).
  const stored = await PaymentOrderModel.findOne({ applicationId }).lean();
  const retry = await order(applicationId, citizen.token);
  t.is(retry.status, 200);
  t.is(retry.body.order.outTradeNo, stored?.outTradeNo);
});

test('POST /applications/:id/payments › a fee item › answers wx.requestPayment params signed by the merchant for the fee in fen', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const before = Date.now();
  const res = await order(applicationId, citizen.token);
  t.is(res.status, 200);
  const { appId, timeStamp, nonceStr, package: pkg, signType, paySign } = res.body;
  t.is(appId, TEST_APP_ID);
  t.is(signType, 'RSA');
  const atFake = bed.fake.orders.get(res.body.order.outTradeNo)!;
  t.is(pkg, `prepay_id=${atFake.prepayId}`);
  const signed = createVerify('RSA-SHA256').update(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`);
  t.true(signed.verify(bed.merchant.publicKeyPem, paySign, 'base64'));
  t.like(atFake, { amountFen: FEE_TOTAL_FEN, payerOpenid: citizen.openid, tradeState: 'NOTPAY' });
  t.regex(res.body.order.outTradeNo, /^[0-9A-Za-z_\-|*]{6,32}$/);
  t.like(res.body.order, { status: 'open', amountFen: FEE_TOTAL_FEN, paidAt: null });
  const expiresIn = Date.parse(res.body.order.expiresAt) - before;
  t.true(expiresIn > 29 * 60_000 && expiresIn <= 31 * 60_000, `expires in ${expiresIn} ms`);
  t.regex(atFake.timeExpire, /\+08:00$/);
});

test('POST /applications/:id/payments › asked again while the order is open › returns the same order', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const first = await order(applicationId, citizen.token);
  const second = await order(applicationId, citizen.token);
  t.is(second.status, 200);
  t.is(second.body.order.outTradeNo, first.body.order.outTradeNo);
  t.is(second.body.package, first.body.package);
});

test('POST /applications/:id/payments › asked five times at once › one order exists and every answer offers it', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const answers = await Promise.all(Array.from({ length: 5 }, () => order(applicationId, citizen.token)));
  t.deepEqual(
    answers.map((a) => a.status),
    [200, 200, 200, 200, 200],
  );
  t.is(new Set(answers.map((a) => a.body.order.outTradeNo)).size, 1);
  t.is(await PaymentOrderModel.countDocuments({ applicationId }), 1);
  t.is([...bed.fake.orders.values()].filter((o) => o.attach === applicationId).length, 1);
  t.is(String((await findOpenOrder(applicationId).lean())?._id), answers[0]!.body.order.id);
});

test('POST /applications/:id/payments › an item without a fee › answers 409 NO_FEE', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication({ charged: false });
  const res = await order(applicationId, citizen.token);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'NO_FEE');
  t.is(await PaymentOrderModel.countDocuments({ applicationId }), 0);
});

test('POST /applications/:id/payments › already paid › answers 409 ALREADY_PAID', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const first = await order(applicationId, citizen.token);
  bed.fake.pay(first.body.order.outTradeNo);
  t.is((await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: first.body.order.outTradeNo, tradeState: 'SUCCESS' }))).status, 204);
  const again = await order(applicationId, citizen.token);
  t.is(again.status, 409);
  t.is(again.body.error.code, 'ALREADY_PAID');
});

test("POST /applications/:id/payments › another citizen's application › answers 404 NOT_FOUND, as does its payment list", async (t) => {
  const { applicationId } = await buildFeeApplication();
  const other = await buildCitizen({ verified: true });
  const res = await order(applicationId, other.token);
  t.is(res.status, 404);
  t.is(res.body.error.code, 'NOT_FOUND');
  const list = await bed.app.request('GET', `/api/v1/applications/${applicationId}/payments`, { token: other.token });
  t.is(list.status, 404);
  t.is((await order('not-an-id', other.token)).status, 404);
  t.is(await PaymentOrderModel.countDocuments({ applicationId }), 0);
});

test('POST /applications/:id/payments › without a token › answers 401', async (t) => {
  const { applicationId } = await buildFeeApplication();
  t.is((await bed.app.request('POST', `/api/v1/applications/${applicationId}/payments`)).status, 401);
});

test('POST /applications/:id/payments › the open order is about to expire › closes it at WeChat Pay and offers a new one', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const first = await order(applicationId, citizen.token);
  await PaymentOrderModel.updateOne({ _id: first.body.order.id }, { $set: { timeExpire: new Date(Date.now() + 60_000) } });
  const second = await order(applicationId, citizen.token);
  t.is(second.status, 200);
  t.not(second.body.order.outTradeNo, first.body.order.outTradeNo);
  t.is(bed.fake.orders.get(first.body.order.outTradeNo)?.tradeState, 'CLOSED');
  t.is((await storedOrder(first.body.order.outTradeNo)).status, 'closed');
});

test('POST /applications/:id/payments › the open order about to expire was paid meanwhile › settles it and answers 409 ALREADY_PAID', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const first = await order(applicationId, citizen.token);
  bed.fake.pay(first.body.order.outTradeNo);
  await PaymentOrderModel.updateOne({ _id: first.body.order.id }, { $set: { timeExpire: new Date(Date.now() + 60_000) } });
  const second = await order(applicationId, citizen.token);
  t.is(second.status, 409);
  t.is(second.body.error.code, 'ALREADY_PAID');
  t.like(await storedOrder(first.body.order.outTradeNo), { status: 'paid', settledBy: 'query' });
});

test('GET /applications/:id/payments › lists the orders with their state, nothing private', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const made = await order(applicationId, citizen.token);
  const res = await bed.app.request('GET', `/api/v1/applications/${applicationId}/payments`, { token: citizen.token });
  t.is(res.status, 200);
  t.is(res.body.items.length, 1);
  t.like(res.body.items[0], { id: made.body.order.id, status: 'open', amountFen: FEE_TOTAL_FEN, refunds: [] });
  t.false(res.text.includes(citizen.openid));
  t.false(res.text.includes('prepay'));
});
