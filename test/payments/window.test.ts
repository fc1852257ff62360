// Fees settled at the window (POS/cash with a receipt, or a waiver with its legal basis), the
// completion check (FEE_UNPAID), and a WeChat Pay notify arriving after a window payment.
import test from 'ava';
import { ApplicationModel } from '../../models/application.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { buildCitizen, buildItem, buildStaff, type StaffFixture } from '../helpers/factories.ts';
import { FEE_TOTAL_FEN, buildFeeApplication, startPaymentsApp, storedApplication, storedOrder, type PaymentsTestbed } from '../helpers/payments.ts';
import { orderThroughApi } from './notify-scenarios.ts';

let bed: PaymentsTestbed;
let clerk: StaffFixture;
let outsider: StaffFixture;
let admin: StaffFixture;
let waivableItem: { code: string; department: string };

test.before(async () => {
  bed = await startPaymentsApp('publicKey');
  const { item } = await buildFeeApplication();
  clerk = await buildStaff('window', item.department, []);
  outsider = await buildStaff('dept_admin', 'NOPE-DEPT', []);
  admin = await buildStaff('center_admin', null);
  const fee = { charged: true, items: [{ name: '证照工本费', amountFen: 2000, basis: '发改价格〔2026〕1号', waivable: true }] };
  waivableItem = await buildItem({ department: item.department, fee, onlinePayment: true });
});
test.after.always(() => bed?.close());

const pay = (id: string, body: object, token = clerk.token) => bed.app.request('POST', `/api/v1/staff/applications/${id}/window-payment`, { token, body });
const waive = (id: string, body: object, token = clerk.token) => bed.app.request('POST', `/api/v1/staff/applications/${id}/fee-waiver`, { token, body });
const complete = (id: string, token = clerk.token) =>
  bed.app.request('POST', `/api/v1/staff/applications/${id}/complete`, { token, body: { onsiteVisits: 1 } });
const accept = (id: string) => ApplicationModel.updateOne({ _id: id }, { $set: { status: 'accepted', deadline: '2099-12-31' } });
const POS = { method: 'pos', receiptNo: 'POS-20260302-0042', amountFen: FEE_TOTAL_FEN };

test('POST /staff/applications/:id/window-payment › records the receipt, audited, and the citizen sees it', async (t) => {
  const { applicationId, citizen } = await buildFeeApplication();
  const res = await pay(applicationId, POS);
  t.is(res.status, 200);
  t.true(res.body.paid);
  t.like(res.body.fee, { amountFen: FEE_TOTAL_FEN, status: 'paid_at_window', method: 'pos', receiptNo: POS.receiptNo });
  const own = await bed.app.request('GET', `/api/v1/applications/${applicationId}`, { token: citizen.token });
  t.like(own.body.fee, { status: 'paid_at_window', receiptNo: POS.receiptNo });
  t.is(await AuditLogModel.countDocuments({ entityId: applicationId, action: 'fee_paid_at_window', 'actor.id': clerk.id }), 1);
  // Paid once: a second receipt and a WeChat Pay order are both refused.
  t.is((await pay(applicationId, { ...POS, receiptNo: 'POS-2' })).body.error.code, 'ALREADY_PAID');
  const order = await bed.app.request('POST', `/api/v1/applications/${applicationId}/payments`, { token: citizen.token });
  t.is(order.status, 409);
  t.is(order.body.error.code, 'ALREADY_PAID');
});

test('POST /staff/applications/:id/window-payment › a wrong amount, no fee, another department, bad input', async (t) => {
  const { applicationId } = await buildFeeApplication();
  const wrong = await pay(applicationId, { ...POS, amountFen: 100 });
  t.is(wrong.status, 409);
  t.like(wrong.body.error, { code: 'AMOUNT_MISMATCH', details: { dueFen: FEE_TOTAL_FEN } });
  const free = await buildFeeApplication({ charged: false });
  // (the item without a fee is another department's: the center admin asks)
  t.is((await pay(free.applicationId, POS, admin.token)).body.error.code, 'NO_FEE');
  t.is((await pay(applicationId, POS, outsider.token)).status, 404);
  const bad = await pay(applicationId, { method: 'wechat', receiptNo: '', amountFen: -1, extra: 1 });
  t.is(bad.status, 400);
  t.false((await storedApplication(applicationId)).paid);
});

test('POST /staff/applications/:id/complete › a fee-charging case answers 409 FEE_UNPAID until paid at the window', async (t) => {
  const { applicationId } = await buildFeeApplication();
  await accept(applicationId);
  const refused = await complete(applicationId);
  t.is(refused.status, 409);
  t.is(refused.body.error.code, 'FEE_UNPAID');
  t.is((await storedApplication(applicationId)).status, 'accepted');
  t.is((await pay(applicationId, POS)).status, 200);
  const done = await complete(applicationId);
  t.is(done.status, 200);
  t.is(done.body.status, 'completed');
});

test('POST /staff/applications/:id/complete › a case without a fee completes unpaid', async (t) => {
  const { applicationId } = await buildFeeApplication({ charged: false });
  await accept(applicationId);
  const done = await complete(applicationId, admin.token);
  t.is(done.status, 200);
  t.is(done.body.fee.status, 'none');
});

test('POST /staff/applications/:id/fee-waiver › waives with the legal basis; the case completes; ordering online is refused', async (t) => {
  const citizen = await buildCitizen({ verified: true });
  const application = await ApplicationModel.create({
    citizenId: citizen.id,
    itemCode: waivableItem.code,
    department: waivableItem.department,
    status: 'accepted',
  });
  const id = String(application._id);
  t.is((await waive(id, { reason: '', legalBasis: '' })).status, 400);
  const res = await waive(id, { reason: '最低生活保障对象', legalBasis: '当地行政事业性收费减免规定第三条' });
  t.is(res.status, 200);
  t.false(res.body.paid);
  t.like(res.body.fee, { status: 'waived', amountFen: 2000, reason: '最低生活保障对象', legalBasis: '当地行政事业性收费减免规定第三条' });
  t.is(await AuditLogModel.countDocuments({ entityId: id, action: 'fee_waived', 'actor.id': clerk.id }), 1);
  t.is((await pay(id, { ...POS, amountFen: 2000 })).body.error.code, 'FEE_WAIVED');
  const order = await bed.app.request('POST', `/api/v1/applications/${id}/payments`, { token: citizen.token });
  t.is(order.body.error.code, 'FEE_WAIVED');
  t.is((await complete(id)).status, 200);
});

test('POST /staff/applications/:id/fee-waiver › an item whose fee is not waivable answers 409 FEE_NOT_WAIVABLE', async (t) => {
  const { applicationId } = await buildFeeApplication();
  const res = await waive(applicationId, { reason: '困难群众', legalBasis: '某规定' });
  t.is(res.status, 409);
  t.is(res.body.error.code, 'FEE_NOT_WAIVABLE');
});

test('WeChat Pay notify after a window payment › not counted twice: flagged for refund, and the refund clears the flag', async (t) => {
  const order = await orderThroughApi(bed);
  t.is((await pay(order.applicationId, POS)).status, 200);
  bed.fake.pay(order.outTradeNo);
  const notified = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' }));
  t.is(notified.status, 204);
  t.is((await storedOrder(order.outTradeNo)).status, 'paid');
  const stored = await storedApplication(order.applicationId);
  t.like(stored.fee, { status: 'paid_at_window', receiptNo: POS.receiptNo, amountFen: FEE_TOTAL_FEN });
  t.deepEqual(stored.fee?.duplicateOrders, [order.outTradeNo]);
  t.is(await AuditLogModel.countDocuments({ entityId: order.applicationId, action: 'payment_duplicate' }), 1);
  const staffView = await bed.app.request('GET', `/api/v1/staff/applications/${order.applicationId}`, { token: clerk.token });
  t.deepEqual(staffView.body.fee.duplicateOrders, [order.outTradeNo]);
  // The notify again changes nothing.
  t.is((await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' }))).status, 204);
  t.is(await AuditLogModel.countDocuments({ entityId: order.applicationId, action: 'payment_duplicate' }), 1);
  // The center admin refunds the duplicate; the window payment stands.
  const refund = await bed.app.request('POST', `/api/v1/admin/payments/${order.orderId}/refund`, { token: admin.token, body: { reason: '已在窗口缴费' } });
  t.is(refund.status, 200);
  bed.fake.completeRefund(refund.body.outRefundNo);
  t.is((await bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo: refund.body.outRefundNo }))).status, 204);
  const after = await storedApplication(order.applicationId);
  t.true(after.paid);
  t.is(after.fee?.status, 'paid_at_window');
  t.deepEqual(after.fee?.duplicateOrders, []);
});

test('WeChat Pay notify racing a window payment › the fee is settled exactly once', async (t) => {
  for (let round = 0; round < 4; round++) {
    const order = await orderThroughApi(bed);
    bed.fake.pay(order.outTradeNo);
    const [window, notify] = await Promise.all([
      pay(order.applicationId, POS),
      bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' })),
    ]);
    t.is(notify.status, 204);
    const stored = await storedApplication(order.applicationId);
    if (window.status === 200) {
      // The window won: the online payment is flagged, not counted.
      t.is(stored.fee?.status, 'paid_at_window');
      t.deepEqual(stored.fee?.duplicateOrders, [order.outTradeNo]);
    } else {
      t.is(window.body.error.code, 'ALREADY_PAID');
      t.is(stored.fee?.status, 'paid_online');
      t.deepEqual(stored.fee?.duplicateOrders, []);
    }
    t.true(stored.paid);
  }
});
