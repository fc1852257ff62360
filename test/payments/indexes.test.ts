// The payment queries that run on every order request and every reconcile tick read through an
// index (explain() on the real server), and the partial unique index allows one open order per
// application while closed ones pile up beside it.
import test from 'ava';
import type { Document } from 'mongodb';
import mongoose from 'mongoose';
import { PaymentOrderModel, type PaymentOrderStatus, findOpenOrder, findQuietOpenOrders } from '../../models/payment-order.ts';
import { PaymentRefundModel, findQuietRefunds } from '../../models/payment-refund.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { usesIndex } from '../helpers/explain.ts';
import { connectTestDatabase } from '../helpers/app.ts';

const NOW = new Date('2031-03-04T05:06:07Z');
let sequence = 0;

const orderFields = (applicationId: mongoose.Types.ObjectId, status: PaymentOrderStatus) => ({
  outTradeNo: `OTIDX${String(++sequence).padStart(8, '0')}`,
  applicationId,
  citizenId: new mongoose.Types.ObjectId(),
  itemCode: 'ITEM-1',
  description: '证照工本费',
  amountFen: 3250,
  payerOpenid: 'openid-index-test',
  status,
  timeExpire: new Date(NOW.getTime() + 30 * 60_000),
});

test.before(async () => {
  await connectTestDatabase();
  // Enough documents in every state that a collection scan would be the planner's last resort.
  const statuses: PaymentOrderStatus[] = ['open', 'paid', 'closed', 'failed', 'refunded'];
  const orders = Array.from({ length: 200 }, (_, i) => orderFields(new mongoose.Types.ObjectId(), statuses[i % statuses.length]!));
  const inserted = await PaymentOrderModel.insertMany(orders);
  await PaymentRefundModel.insertMany(
    inserted.slice(0, 60).map((order, i) => ({
      outRefundNo: `RFIDX${String(i).padStart(8, '0')}`,
      orderId: order._id,
      outTradeNo: order.outTradeNo,
      amountFen: 100,
      reason: '测试',
      status: i % 2 ? 'processing' : 'success',
      requestedBy: 'staff-1',
    })),
  );
});
test.after.always(() => mongoose.disconnect());

/** The server's query plan for a mongoose query (mongoose types findOne().explain() as a document). */
async function planOf(query: { explain(verbosity: 'queryPlanner'): PromiseLike<unknown> }): Promise<Document> {
  const plan: unknown = await query.explain('queryPlanner');
  return typeof plan === 'object' && plan !== null ? { ...plan } : {};
}

test('payment-reconcile › the scan for open orders whose notify is overdue › uses an index', async (t) => {
  t.true(usesIndex(await planOf(findQuietOpenOrders(NOW, 100))));
});

test('payment-reconcile › the scan for refunds still processing › uses an index', async (t) => {
  t.true(usesIndex(await planOf(findQuietRefunds(NOW, 100))));
});

test('POST /applications/:id/payments › the lookup of the open order by application › uses an index', async (t) => {
  t.true(usesIndex(await planOf(findOpenOrder(new mongoose.Types.ObjectId()))));
});

test('explain › a query on a field without an index › is seen as a collection scan (the check can fail)', async (t) => {
  t.false(usesIndex(await planOf(PaymentOrderModel.find({ payerOpenid: 'openid-index-test' }))));
});

test('payment_orders › a second open order for the same application › is refused as a duplicate key', async (t) => {
  const applicationId = new mongoose.Types.ObjectId();
  await PaymentOrderModel.create(orderFields(applicationId, 'closed'));
  await PaymentOrderModel.create(orderFields(applicationId, 'closed'));
  await PaymentOrderModel.create(orderFields(applicationId, 'open'));
  const error = await t.throwsAsync(PaymentOrderModel.create(orderFields(applicationId, 'open')));
  t.true(isDuplicateKey(error));
  t.is(await PaymentOrderModel.countDocuments({ applicationId }), 3);
  // Once the open one is closed, the application may open another.
  await PaymentOrderModel.updateOne({ applicationId, status: 'open' }, { $set: { status: 'closed' } });
  await t.notThrowsAsync(PaymentOrderModel.create(orderFields(applicationId, 'open')));
});
