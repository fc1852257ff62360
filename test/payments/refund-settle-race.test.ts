// A full refund and another order's payment: the refund clears the application's online payment
// only while the order the application counts (fee.outTradeNo) is one already refunded. A pay
// notify that settles another order between the refund's "no other paid order" read and its
// clear records that order, so the clear matches nothing and the application stays paid. The
// interleaving is made exact by landing the notify just before the clear reaches the database
// (test/helpers/land-before.ts: its own file, as that wrap sees every query of the process).
// A refunded order that was flagged for refund is unflagged even while another order pays.
import test from 'ava';
import { ApplicationModel } from '../../models/application.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { buildStaff, type StaffFixture } from '../helpers/factories.ts';
import { landBefore, opOf, type AnyQuery } from '../helpers/land-before.ts';
import { refundAtWechat as refundAtWechatAs, startPaymentsApp, storedApplication, storedOrder, type PaymentsTestbed } from '../helpers/payments.ts';
import { orderThroughApi } from './notify-scenarios.ts';

let bed: PaymentsTestbed;
let admin: StaffFixture;
test.before(async () => {
  bed = await startPaymentsApp('publicKey');
  admin = await buildStaff('center_admin', null);
});
test.after.always(() => bed?.close());

const payNotify = (outTradeNo: string) => bed.sendNotify(bed.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS' }));

/**
 * Two orders of one application: `late` was closed here (its answer lost) yet is paid at WeChat
 * Pay, its notify not yet delivered; `counted` was ordered afterwards, paid and settled.
 */
async function twoOrders() {
  const late = await orderThroughApi(bed);
  await PaymentOrderModel.updateOne({ _id: late.orderId }, { $set: { status: 'closed' } });
  const again = await bed.app.request('POST', `/api/v1/applications/${late.applicationId}/payments`, { token: late.citizen.token });
  if (again.status !== 200) throw new Error(`second order answered ${again.status}`);
  const counted = { outTradeNo: again.body.order.outTradeNo as string, orderId: again.body.order.id as string };
  bed.fake.pay(counted.outTradeNo);
  if ((await payNotify(counted.outTradeNo)).status !== 204) throw new Error('pay notify refused');
  bed.fake.pay(late.outTradeNo);
  return { applicationId: late.applicationId, late, counted };
}

/** Asks for a full refund of the order; returns its out_refund_no, completed at WeChat Pay. */
const refundAtWechat = (orderId: string) => refundAtWechatAs(bed, admin.token, orderId, '重复缴费退还');

const refundNotify = (outRefundNo: string) => bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo }));

/** The refund's clear of the online payment on the application. */
const paymentClear = (query: AnyQuery) => {
  const update = query.getUpdate();
  return opOf(query) === 'updateOne' && !!update && '$set' in update && update.$set?.paid === false;
};

test.serial('another order settles between the refund check and its clear › the application stays paid by that order', async (t) => {
  const { applicationId, late, counted } = await twoOrders();
  t.like((await storedApplication(applicationId)).fee, { status: 'paid_online', outTradeNo: counted.outTradeNo });
  const outRefundNo = await refundAtWechat(counted.orderId);
  let landed: number | undefined;
  landBefore(t, ApplicationModel, paymentClear, async () => {
    landed = (await payNotify(late.outTradeNo)).status;
  });
  t.is((await refundNotify(outRefundNo)).status, 204);
  t.is(landed, 204, 'the pay notify landed before the clear');
  t.is((await storedOrder(counted.outTradeNo)).status, 'refunded');
  t.is((await storedOrder(late.outTradeNo)).status, 'paid');
  const stored = await storedApplication(applicationId);
  t.true(stored.paid);
  t.like(stored.fee, { status: 'paid_online', outTradeNo: late.outTradeNo });
  // Refunding that one too leaves the application unpaid.
  t.is((await refundNotify(await refundAtWechat(late.orderId))).status, 204);
  const after = await storedApplication(applicationId);
  t.false(after.paid);
  t.like(after.fee, { status: null, outTradeNo: null });
});

test.serial('two settled orders refunded, the one the application counts first › unpaid once both are refunded', async (t) => {
  const { applicationId, late, counted } = await twoOrders();
  t.is((await payNotify(late.outTradeNo)).status, 204);
  t.like((await storedApplication(applicationId)).fee, { status: 'paid_online', outTradeNo: late.outTradeNo });
  t.is((await refundNotify(await refundAtWechat(late.orderId))).status, 204);
  t.true((await storedApplication(applicationId)).paid, 'still paid by the other order');
  t.is((await refundNotify(await refundAtWechat(counted.orderId))).status, 204);
  const stored = await storedApplication(applicationId);
  t.false(stored.paid);
  t.is(stored.fee?.status, null);
  const shown = await bed.app.request('GET', `/api/v1/applications/${applicationId}`, { token: late.citizen.token });
  t.is(shown.body.fee.status, 'unpaid');
});

test.serial(
  'the other order paid after the case was completed › flagged for refund, not counted; its refund clears the flag, the fee stays paid',
  async (t) => {
    const { applicationId, late, counted } = await twoOrders();
    await ApplicationModel.updateOne({ _id: applicationId }, { $set: { status: 'completed' } });
    t.is((await payNotify(late.outTradeNo)).status, 204);
    t.is((await storedOrder(late.outTradeNo)).status, 'paid');
    const flagged = await storedApplication(applicationId);
    t.like(flagged, { status: 'completed', paid: true });
    t.like(flagged.fee, { status: 'paid_online', outTradeNo: counted.outTradeNo });
    t.deepEqual(flagged.fee?.duplicateOrders, [late.outTradeNo]);
    t.is((await refundNotify(await refundAtWechat(late.orderId))).status, 204);
    const after = await storedApplication(applicationId);
    t.deepEqual(after.fee?.duplicateOrders, []);
    t.like(after, { status: 'completed', paid: true });
    t.like(after.fee, { status: 'paid_online', outTradeNo: counted.outTradeNo });
  },
);
