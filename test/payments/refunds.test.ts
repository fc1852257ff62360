// Refunds by a center admin through the refund API and its notify (public-key mode), including
// notifies that arrive twice or out of order.
import test from 'ava';
import { AuditLogModel } from '../../models/audit-log.ts';
import { PaymentRefundModel } from '../../models/payment-refund.ts';
import { buildStaff } from '../helpers/factories.ts';
import { FEE_TOTAL_FEN, startPaymentsApp, storedApplication, storedOrder, type PaymentsTestbed } from '../helpers/payments.ts';
import { orderThroughApi, paidAtWechat } from './notify-scenarios.ts';

let bed: PaymentsTestbed;
let admin: { token: string; id: string };
test.before(async () => {
  bed = await startPaymentsApp('publicKey');
  admin = await buildStaff('center_admin', null);
});
test.after.always(() => bed?.close());

/** An order paid and settled through its notify; returns it and the pay notify (to replay). */
async function settledOrder() {
  const order = await paidAtWechat(bed);
  const payNotify = bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' });
  if ((await bed.sendNotify(payNotify)).status !== 204) throw new Error('pay notify refused');
  return { ...order, payNotify };
}

const payments = async (order: { applicationId: string; citizen: { token: string } }) =>
  (await bed.app.request('GET', `/api/v1/applications/${order.applicationId}/payments`, { token: order.citizen.token })).body;

const refund = (orderId: string, body: object, token = admin.token) => bed.app.request('POST', `/api/v1/admin/payments/${orderId}/refund`, { token, body });

test('POST /admin/payments/:id/refund › round trip › refunds at WeChat Pay, the refund notify settles it and the application is no longer paid', async (t) => {
  const order = await settledOrder();
  const res = await refund(order.orderId, { reason: '申请不予受理' });
  t.is(res.status, 200);
  t.like(res.body, { amountFen: FEE_TOTAL_FEN, status: 'processing', reason: '申请不予受理' });
  t.like(bed.fake.refunds.get(res.body.outRefundNo), { outTradeNo: order.outTradeNo, amountFen: FEE_TOTAL_FEN });
  bed.fake.completeRefund(res.body.outRefundNo);
  const notified = await bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo: res.body.outRefundNo }));
  t.is(notified.status, 204);
  t.is((await storedOrder(order.outTradeNo)).status, 'refunded');
  t.false((await storedApplication(order.applicationId)).paid);
  const listed = await bed.app.request('GET', `/api/v1/applications/${order.applicationId}/payments`, { token: order.citizen.token });
  t.like(listed.body.items[0], { status: 'refunded', refundedFen: FEE_TOTAL_FEN });
  t.like(listed.body.items[0].refunds[0], { outRefundNo: res.body.outRefundNo, status: 'success' });
  t.is(await AuditLogModel.countDocuments({ entityId: order.orderId, action: 'refund', 'actor.id': admin.id }), 1);
  t.is(await AuditLogModel.countDocuments({ entityId: order.orderId, action: 'refund_success' }), 1);
});

test('refund notify › arriving twice, then a stale ABNORMAL one › is applied once', async (t) => {
  const order = await settledOrder();
  const res = await refund(order.orderId, { reason: '重复缴费', amountFen: 1000 });
  bed.fake.completeRefund(res.body.outRefundNo);
  const notify = bed.fake.buildRefundNotify({ outRefundNo: res.body.outRefundNo });
  t.deepEqual([(await bed.sendNotify(notify)).status, (await bed.sendNotify(notify)).status], [204, 204]);
  const stale = await bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo: res.body.outRefundNo, refundStatus: 'ABNORMAL' }));
  t.is(stale.status, 204);
  t.is((await storedOrder(order.outTradeNo)).status, 'paid');
  t.like((await payments(order)).items[0], { status: 'paid', refundedFen: 1000 });
  t.is((await PaymentRefundModel.findOne({ outRefundNo: res.body.outRefundNo }).lean())?.status, 'success');
  t.true((await storedApplication(order.applicationId)).paid);
});

test('out-of-order notifies › the pay notify replayed after the refund › is acknowledged and changes nothing', async (t) => {
  const order = await settledOrder();
  const res = await refund(order.orderId, { reason: '撤回申请' });
  bed.fake.completeRefund(res.body.outRefundNo);
  t.is((await bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo: res.body.outRefundNo }))).status, 204);
  t.is((await bed.sendNotify(order.payNotify)).status, 204);
  t.is((await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' }))).status, 204);
  t.is((await storedOrder(order.outTradeNo)).status, 'refunded');
  t.false((await storedApplication(order.applicationId)).paid);
});

test.serial('out-of-order notifies › a refund notify before the refund request returned › settles the refund', async (t) => {
  const order = await settledOrder();
  let early: { status: number } | undefined;
  bed.fake.beforeAnswer = async ({ method, path }) => {
    if (method !== 'POST' || path !== '/v3/refund/domestic/refunds') return;
    bed.fake.beforeAnswer = undefined;
    const outRefundNo = [...bed.fake.refunds.keys()].at(-1)!;
    bed.fake.completeRefund(outRefundNo);
    early = await bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo }));
  };
  const res = await refund(order.orderId, { reason: '不予受理' });
  t.is(early?.status, 204);
  t.is(res.status, 200);
  t.is(res.body.status, 'success');
  t.is((await storedOrder(order.outTradeNo)).status, 'refunded');
});

test('refund notify › an amount that differs from the refund › answers 400 FAIL and changes nothing', async (t) => {
  const order = await settledOrder();
  const res = await refund(order.orderId, { reason: '部分退费', amountFen: 250 });
  const notify = bed.fake.buildRefundNotify({ outRefundNo: res.body.outRefundNo });
  const forged = bed.fake.buildRefundNotify({ outRefundNo: res.body.outRefundNo, tamper: 'signature' });
  t.is((await bed.sendNotify(forged)).status, 401);
  // Build a genuine notify whose amount is wrong: refund 250 recorded, notify claims a different refund.
  const second = await refund(order.orderId, { reason: '再次部分退费', amountFen: 300 });
  const mismatched = bed.fake.buildRefundNotify({ outRefundNo: second.body.outRefundNo });
  await PaymentRefundModel.updateOne({ outRefundNo: second.body.outRefundNo }, { $set: { amountFen: 301 } });
  const answer = await bed.sendNotify(mismatched);
  t.is(answer.status, 400);
  t.is(JSON.parse(answer.body).code, 'FAIL');
  t.is((await PaymentRefundModel.findOne({ outRefundNo: second.body.outRefundNo }).lean())?.status, 'processing');
  t.is((await bed.sendNotify(notify)).status, 204);
  t.like((await payments(order)).items[0], { refundedFen: 250 });
});

test('POST /admin/payments/:id/refund › more than is left › answers 409 REFUND_EXCEEDS_PAID', async (t) => {
  const order = await settledOrder();
  t.is((await refund(order.orderId, { reason: '部分退费', amountFen: 3000 })).status, 200);
  const res = await refund(order.orderId, { reason: '再退', amountFen: FEE_TOTAL_FEN - 3000 + 1 });
  t.is(res.status, 409);
  t.is(res.body.error.code, 'REFUND_EXCEEDS_PAID');
  t.is(res.body.error.details.leftFen, FEE_TOTAL_FEN - 3000);
});

test('POST /admin/payments/:id/refund › two full refunds at once › only one is made', async (t) => {
  const order = await settledOrder();
  const answers = await Promise.all([refund(order.orderId, { reason: 'A' }), refund(order.orderId, { reason: 'B' })]);
  t.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
  t.regex(answers.find((a) => a.status === 409)!.body.error.code, /^(REFUND_IN_PROGRESS|NOTHING_TO_REFUND)$/);
  t.is([...bed.fake.refunds.values()].filter((r) => r.outTradeNo === order.outTradeNo).length, 1);
});

test('POST /admin/payments/:id/refund › an unpaid order › answers 409 INVALID_STATE', async (t) => {
  const order = await orderThroughApi(bed);
  const res = await refund(order.orderId, { reason: '测试' });
  t.is(res.status, 409);
  t.is(res.body.error.code, 'INVALID_STATE');
});

test('POST /admin/payments/:id/refund › window staff, department admins and citizens › are refused', async (t) => {
  const order = await settledOrder();
  const windowStaff = await buildStaff('window', 'D1', ['W1']);
  const deptAdmin = await buildStaff('dept_admin', 'D1');
  t.is((await refund(order.orderId, { reason: '测试' }, windowStaff.token)).status, 403);
  t.is((await refund(order.orderId, { reason: '测试' }, deptAdmin.token)).status, 403);
  t.is((await refund(order.orderId, { reason: '测试' }, order.citizen.token)).status, 403);
  t.is((await refund('000000000000000000000000', { reason: '测试' })).status, 404);
  t.is(await PaymentRefundModel.countDocuments({ outTradeNo: order.outTradeNo }), 0);
});

test('POST /admin/payments/:id/refund › three partial refunds at once that together exceed the payment › only those that fit are made', async (t) => {
  const order = await settledOrder();
  const answers = await Promise.all([1500, 1500, 1500].map((amountFen, i) => refund(order.orderId, { reason: `部分退费${i}`, amountFen })));
  t.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 409]);
  t.is(answers.find((a) => a.status === 409)!.body.error.code, 'REFUND_EXCEEDS_PAID');
  const atWechat = [...bed.fake.refunds.values()].filter((r) => r.outTradeNo === order.outTradeNo);
  t.is(
    atWechat.reduce((sum, r) => sum + r.amountFen, 0),
    3000,
  );
  t.is((await storedOrder(order.outTradeNo)).refundableFen, FEE_TOTAL_FEN - 3000);
});

test('refund notify › WeChat Pay closed the refund › the amount may be refunded again', async (t) => {
  const order = await settledOrder();
  const first = await refund(order.orderId, { reason: '部分退费', amountFen: 1000 });
  bed.fake.completeRefund(first.body.outRefundNo, 'CLOSED');
  t.is((await bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo: first.body.outRefundNo, refundStatus: 'CLOSED' }))).status, 204);
  t.is((await PaymentRefundModel.findOne({ outRefundNo: first.body.outRefundNo }).lean())?.status, 'closed');
  t.is((await storedOrder(order.outTradeNo)).refundableFen, FEE_TOTAL_FEN);
  const again = await refund(order.orderId, { reason: '全额退费' });
  t.is(again.status, 200);
  t.is(again.body.amountFen, FEE_TOTAL_FEN);
});
