// Which cases take a fee online: an open one (submitted, supplement_required, approved, accepted,
// as at the window). A draft, a rejected or a completed case is refused before any order is
// made; a payment for an order opened while the case was open is settled whatever happened to
// the case since, and when the case no longer takes it, flagged for refund.
import test from 'ava';
import { ApplicationModel, type ApplicationStatus } from '../../models/application.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { buildStaff, type StaffFixture } from '../helpers/factories.ts';
import {
  FEE_TOTAL_FEN,
  buildFeeApplication,
  refundInFull as refundInFullAs,
  startPaymentsApp,
  storedApplication,
  storedOrder,
  type PaymentsTestbed,
} from '../helpers/payments.ts';
import { orderThroughApi } from './notify-scenarios.ts';

let bed: PaymentsTestbed;
let admin: StaffFixture;
test.before(async () => {
  bed = await startPaymentsApp('publicKey');
  admin = await buildStaff('center_admin', null);
});
test.after.always(() => bed?.close());

const order = (applicationId: string, token: string) => bed.app.request('POST', `/api/v1/applications/${applicationId}/payments`, { token });

/** WeChat Pay takes the citizen's money for the order and notifies it. */
async function payAndNotify(outTradeNo: string) {
  bed.fake.pay(outTradeNo);
  return bed.sendNotify(bed.fake.buildNotify({ outTradeNo, tradeState: 'SUCCESS' }));
}

/** Refunds the whole order through the admin API, and WeChat Pay's notify that it succeeded. */
const refundInFull = (orderId: string) => refundInFullAs(bed, admin.token, orderId, '不予受理退费');

const setStatus = (applicationId: string, status: ApplicationStatus) => ApplicationModel.updateOne({ _id: applicationId }, { $set: { status } });

for (const status of ['draft', 'rejected', 'completed'] as const) {
  test(`POST /applications/:id/payments › an application in status ${status} › 409 INVALID_STATE in Chinese, no order made`, async (t) => {
    const { applicationId, citizen } = await buildFeeApplication();
    await setStatus(applicationId, status);
    const res = await order(applicationId, citizen.token);
    t.is(res.status, 409);
    t.deepEqual(res.body.error, { code: 'INVALID_STATE', message: '当前状态不允许缴费', details: { status } });
    t.is(await PaymentOrderModel.countDocuments({ applicationId }), 0);
    t.false(
      [...bed.fake.orders.values()].some((o) => o.attach === applicationId),
      'WeChat Pay is not asked',
    );
  });
}

for (const status of ['supplement_required', 'approved', 'accepted'] as const) {
  test(`POST /applications/:id/payments › an application in status ${status} › offers an order`, async (t) => {
    const { applicationId, citizen } = await buildFeeApplication();
    await setStatus(applicationId, status);
    const res = await order(applicationId, citizen.token);
    t.is(res.status, 200);
    t.like(res.body.order, { status: 'open', amountFen: FEE_TOTAL_FEN });
  });
}

test('POST /applications/:id/payments › a completed case whose online fee was refunded after completion › 409 INVALID_STATE', async (t) => {
  const paid = await orderThroughApi(bed);
  t.is((await payAndNotify(paid.outTradeNo)).status, 204);
  await ApplicationModel.updateOne({ _id: paid.applicationId }, { $set: { status: 'accepted', deadline: '2099-12-31' } });
  const clerk = await buildStaff('window', paid.item.department, []);
  const done = await bed.app.request('POST', `/api/v1/staff/applications/${paid.applicationId}/complete`, { token: clerk.token, body: { onsiteVisits: 1 } });
  t.is(done.status, 200);
  await refundInFull(paid.orderId);
  t.like(await storedApplication(paid.applicationId), { status: 'completed', paid: false });
  const res = await order(paid.applicationId, paid.citizen.token);
  t.is(res.status, 409);
  t.like(res.body.error, { code: 'INVALID_STATE', details: { status: 'completed' } });
  t.is(await PaymentOrderModel.countDocuments({ applicationId: paid.applicationId, status: 'open' }), 0);
});

test('an order opened while submitted, paid after the case was accepted › counted: the fee is paid online', async (t) => {
  const opened = await orderThroughApi(bed);
  await setStatus(opened.applicationId, 'accepted');
  t.is((await payAndNotify(opened.outTradeNo)).status, 204);
  const stored = await storedApplication(opened.applicationId);
  t.like(stored, { status: 'accepted', paid: true });
  t.like(stored.fee, { status: 'paid_online', outTradeNo: opened.outTradeNo, duplicateOrders: [] });
});

test('an order opened while submitted, paid after the case was rejected › the money is settled and flagged for refund; the refund clears the flag', async (t) => {
  const opened = await orderThroughApi(bed);
  const reviewer = await buildStaff('window', opened.item.department, []);
  const rejected = await bed.app.request('POST', `/api/v1/staff/applications/${opened.applicationId}/review`, {
    token: reviewer.token,
    body: { decision: 'reject', note: '不符合受理条件' },
  });
  t.is(rejected.status, 200);
  t.is((await payAndNotify(opened.outTradeNo)).status, 204);
  t.like(await storedOrder(opened.outTradeNo), { status: 'paid', refundableFen: FEE_TOTAL_FEN });
  const stored = await storedApplication(opened.applicationId);
  t.like(stored, { status: 'rejected', paid: false });
  t.is(stored.fee?.status, null);
  t.deepEqual(stored.fee?.duplicateOrders, [opened.outTradeNo]);
  const audit = await AuditLogModel.findOne({ entityId: opened.applicationId, action: 'payment_duplicate' }).lean();
  t.like(audit, { purpose: 'case rejected: takes no fee', after: { outTradeNo: opened.outTradeNo, flagged: 'refund' } });
  const shown = await bed.app.request('GET', `/api/v1/applications/${opened.applicationId}`, { token: opened.citizen.token });
  t.like(shown.body.fee, { status: 'unpaid', duplicateOrders: [opened.outTradeNo] });
  await refundInFull(opened.orderId);
  t.is((await storedOrder(opened.outTradeNo)).status, 'refunded');
  t.deepEqual((await storedApplication(opened.applicationId)).fee?.duplicateOrders, []);
});
