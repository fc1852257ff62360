// The reconcile job against the fake WeChat Pay: expired orders are closed, payments whose
// notify never came are settled, refunds stuck in processing are settled. The job takes its
// time from the argument, so the tests run it "later" instead of waiting.
import test from 'ava';
import { paymentReconcileJob } from '../../jobs/payment-reconcile.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { findOpenOrder } from '../../models/payment-order.ts';
import { PaymentRefundModel } from '../../models/payment-refund.ts';
import { buildStaff } from '../helpers/factories.ts';
import { startPaymentsApp, storedApplication, storedOrder, type PaymentsTestbed } from '../helpers/payments.ts';
import { orderThroughApi, paidAtWechat } from './notify-scenarios.ts';

let bed: PaymentsTestbed;
test.before(async () => {
  bed = await startPaymentsApp('certificate');
});
test.after.always(() => bed?.close());

const minutesLater = (minutes: number) => new Date(Date.now() + minutes * 60_000);

test.serial('payment-reconcile › an unpaid order past its expiry › is closed at WeChat Pay and here, and a new order can be made', async (t) => {
  const order = await orderThroughApi(bed);
  const counts = await paymentReconcileJob.run(minutesLater(31));
  t.true((counts.closed ?? 0) >= 1);
  t.is(bed.fake.orders.get(order.outTradeNo)?.tradeState, 'CLOSED');
  t.like(await storedOrder(order.outTradeNo), { status: 'closed' });
  t.is(await findOpenOrder(order.applicationId).lean(), null);
  const again = await bed.app.request('POST', `/api/v1/applications/${order.applicationId}/payments`, { token: order.citizen.token });
  t.is(again.status, 200);
  t.not(again.body.order.outTradeNo, order.outTradeNo);
});

test.serial('payment-reconcile › a paid order whose notify never came › is settled from the query; the late notify changes nothing', async (t) => {
  const order = await paidAtWechat(bed);
  await paymentReconcileJob.run(minutesLater(6));
  t.like(await storedOrder(order.outTradeNo), { status: 'paid', settledBy: 'query', transactionId: bed.fake.orders.get(order.outTradeNo)!.transactionId });
  t.true((await storedApplication(order.applicationId)).paid);
  const late = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' }));
  t.is(late.status, 204);
  t.is((await storedOrder(order.outTradeNo)).settledBy, 'query');
});

test.serial('payment-reconcile › an open order before its expiry and unpaid › is left open', async (t) => {
  const order = await orderThroughApi(bed);
  await paymentReconcileJob.run(minutesLater(6));
  t.is((await storedOrder(order.outTradeNo)).status, 'open');
  t.is(bed.fake.orders.get(order.outTradeNo)?.tradeState, 'NOTPAY');
});

test.serial('payment-reconcile › run twice for the same time › changes nothing the second time', async (t) => {
  const order = await paidAtWechat(bed);
  const now = minutesLater(40);
  await paymentReconcileJob.run(now);
  const second = await paymentReconcileJob.run(now);
  t.is((second.settled ?? 0) + (second.closed ?? 0), 0);
  t.is((await storedOrder(order.outTradeNo)).status, 'paid');
});

test.serial('payment-reconcile › a refund whose notify never came › is settled from the refund query', async (t) => {
  const order = await paidAtWechat(bed);
  await paymentReconcileJob.run(minutesLater(6));
  const admin = await buildStaff('center_admin', null);
  const refund = await bed.app.request('POST', `/api/v1/admin/payments/${order.orderId}/refund`, { token: admin.token, body: { reason: '不予受理' } });
  t.is(refund.status, 200);
  bed.fake.completeRefund(refund.body.outRefundNo);
  const counts = await paymentReconcileJob.run(minutesLater(12));
  t.true((counts.refundsSettled ?? 0) >= 1);
  t.is((await PaymentRefundModel.findOne({ outRefundNo: refund.body.outRefundNo }).lean())?.status, 'success');
  t.is((await storedOrder(order.outTradeNo)).status, 'refunded');
});

test.serial('payment-reconcile › the notify arriving while the job queries the same order › the payment is applied once', async (t) => {
  const order = await paidAtWechat(bed);
  const notify = bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' });
  const [answer] = await Promise.all([bed.sendNotify(notify), paymentReconcileJob.run(minutesLater(6)), bed.sendNotify(notify)]);
  t.is(answer.status, 204);
  t.is((await storedOrder(order.outTradeNo)).status, 'paid');
  t.true((await storedApplication(order.applicationId)).paid);
  t.is(await AuditLogModel.countDocuments({ entityId: order.orderId, action: 'pay' }), 1);
});
