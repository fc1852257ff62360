// 办结 and a full refund of the online fee: only one may win. A refund that lands between the
// completion's read and its write makes the completion match nothing (409 FEE_UNPAID); a refund
// after completion is legitimate and leaves the case completed with its fee unpaid again. The
// interleaving is made exact by running the refund just before the completion's write reaches
// the database (test/helpers/land-before.ts: its own file, as that wrap sees every query of the
// process).
import test from 'ava';
import { ApplicationModel } from '../../models/application.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { buildStaff, type StaffFixture } from '../helpers/factories.ts';
import { landBefore, opOf, type AnyQuery } from '../helpers/land-before.ts';
import {
  FEE_TOTAL_FEN,
  refundAtWechat,
  refundInFull as refundInFullAs,
  startPaymentsApp,
  storedApplication,
  storedOrder,
  type PaymentsTestbed,
} from '../helpers/payments.ts';
import { paidAtWechat } from './notify-scenarios.ts';

let bed: PaymentsTestbed;
let admin: StaffFixture;
let clerk: StaffFixture;

test.before(async () => {
  bed = await startPaymentsApp('publicKey');
  admin = await buildStaff('center_admin', null);
});
test.after.always(() => bed?.close());

/** An accepted case whose fee was paid online (order paid, its notify applied). */
async function paidAcceptedCase() {
  const order = await paidAtWechat(bed);
  const notified = await bed.sendNotify(bed.fake.buildNotify({ outTradeNo: order.outTradeNo, tradeState: 'SUCCESS' }));
  if (notified.status !== 204) throw new Error('pay notify refused');
  await ApplicationModel.updateOne({ _id: order.applicationId }, { $set: { status: 'accepted', deadline: '2099-12-31' } });
  clerk ??= await buildStaff('window', order.item.department, []);
  return order;
}

const complete = (id: string) => bed.app.request('POST', `/api/v1/staff/applications/${id}/complete`, { token: clerk.token, body: { onsiteVisits: 1 } });

/** Refunds the whole order through the admin API, and WeChat Pay's notify that it succeeded. */
const refundInFull = (orderId: string) => refundInFullAs(bed, admin.token, orderId, '多收费用退还');

const completionWrite = (query: AnyQuery) => {
  const update = query.getUpdate();
  return opOf(query) === 'findOneAndUpdate' && !!update && '$set' in update && update.$set?.status === 'completed';
};

test.serial('a full refund landing between the completion check and its write › 409 FEE_UNPAID, the case stays accepted', async (t) => {
  const order = await paidAcceptedCase();
  landBefore(t, ApplicationModel, completionWrite, () => refundInFull(order.orderId));
  const res = await complete(order.applicationId);
  t.is(res.status, 409);
  t.like(res.body.error, { code: 'FEE_UNPAID', details: { amountFen: FEE_TOTAL_FEN } });
  const stored = await storedApplication(order.applicationId);
  t.is(stored.status, 'accepted');
  t.false(stored.paid);
  t.is(stored.fee?.status, null);
  t.is(stored.history.at(-1)?.status ?? 'accepted', 'accepted');
  t.is((await storedOrder(order.outTradeNo)).status, 'refunded');
  // Paid again (at the window), the case completes.
  const paid = await bed.app.request('POST', `/api/v1/staff/applications/${order.applicationId}/window-payment`, {
    token: clerk.token,
    body: { method: 'pos', receiptNo: 'POS-REPAID-1', amountFen: FEE_TOTAL_FEN },
  });
  t.is(paid.status, 200);
  t.is((await complete(order.applicationId)).status, 200);
});

test.serial('refunded, then paid again at the window, both before the completion write › completes: the fee is settled', async (t) => {
  const order = await paidAcceptedCase();
  landBefore(t, ApplicationModel, completionWrite, async () => {
    await refundInFull(order.orderId);
    const paid = await bed.app.request('POST', `/api/v1/staff/applications/${order.applicationId}/window-payment`, {
      token: clerk.token,
      body: { method: 'cash', receiptNo: 'CASH-0001', amountFen: FEE_TOTAL_FEN },
    });
    if (paid.status !== 200) throw new Error(`window payment answered ${paid.status}`);
  });
  const res = await complete(order.applicationId);
  t.is(res.status, 200);
  t.is(res.body.status, 'completed');
  t.is(res.body.fee.status, 'paid_at_window');
});

test.serial('the fee unsettled at the write but settled again at the re-read › 409 FEE_BUSY, nothing changed', async (t) => {
  const order = await paidAcceptedCase();
  let refused = false;
  landBefore(t, ApplicationModel, completionWrite, async () => {
    await refundInFull(order.orderId);
    refused = true;
  });
  // The re-read after the refused write: the fee was paid at the window in between.
  landBefore(
    t,
    ApplicationModel,
    (query) => refused && opOf(query) === 'findOne',
    () =>
      bed.app.request('POST', `/api/v1/staff/applications/${order.applicationId}/window-payment`, {
        token: clerk.token,
        body: { method: 'pos', receiptNo: 'POS-BUSY-1', amountFen: FEE_TOTAL_FEN },
      }),
  );
  const res = await complete(order.applicationId);
  t.is(res.status, 409);
  t.is(res.body.error.code, 'FEE_BUSY');
  const stored = await storedApplication(order.applicationId);
  t.is(stored.status, 'accepted');
  t.is(stored.fee?.status, 'paid_at_window');
});

test.serial('a full refund after completion › allowed: the case stays completed, its fee is unpaid again, the refund audited', async (t) => {
  const order = await paidAcceptedCase();
  const done = await complete(order.applicationId);
  t.is(done.status, 200);
  t.is(done.body.fee.status, 'paid_online');
  await refundInFull(order.orderId);
  const stored = await storedApplication(order.applicationId);
  t.like(stored, { status: 'completed', paid: false, onsiteVisits: 1 });
  t.is(stored.fee?.status, null);
  t.is(stored.fee?.amountFen, FEE_TOTAL_FEN);
  t.is(stored.history.at(-1)?.status, 'completed');
  t.is((await storedOrder(order.outTradeNo)).status, 'refunded');
  t.is(await AuditLogModel.countDocuments({ entityId: order.orderId, action: 'refund_success' }), 1);
  const shown = await bed.app.request('GET', `/api/v1/staff/applications/${order.applicationId}`, { token: clerk.token });
  t.like(shown.body, { status: 'completed', paid: false, fee: { status: 'unpaid', amountFen: FEE_TOTAL_FEN } });
});

test.serial('completion racing the refund notify › never completed by a write that saw the fee unpaid', async (t) => {
  for (let round = 0; round < 6; round++) {
    const order = await paidAcceptedCase();
    const outRefundNo = await refundAtWechat(bed, admin.token, order.orderId, '多收费用退还');
    const [done, notified] = await Promise.all([complete(order.applicationId), bed.sendNotify(bed.fake.buildRefundNotify({ outRefundNo }))]);
    t.is(notified.status, 204);
    const stored = await storedApplication(order.applicationId);
    t.false(stored.paid);
    if (done.status === 200) {
      // Completed first (its answer is what its write left): the refund came after.
      t.is(done.body.fee.status, 'paid_online');
      t.is(stored.status, 'completed');
    } else {
      t.is(done.status, 409);
      t.is(done.body.error.code, 'FEE_UNPAID');
      t.is(stored.status, 'accepted');
    }
  }
});
