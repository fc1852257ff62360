// scripts/migrate-payments.ts on data as the claim-and-mark version left it: duplicate open
// orders are closed so the one-open-order index builds, refundableFen is backfilled from the
// refunds, the claim and mark collections go; a second run changes nothing.
import test from 'ava';
import mongoose from 'mongoose';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { migratePayments } from '../../scripts/migrate-payments.ts';
import { connectTestDatabase } from '../helpers/app.ts';

test.before(async () => {
  await connectTestDatabase();
});
test.after.always(() => mongoose.disconnect());

const oldOrder = (applicationId: mongoose.Types.ObjectId, status: string, createdAt: Date) => ({
  _id: new mongoose.Types.ObjectId(),
  outTradeNo: `OTMIG${new mongoose.Types.ObjectId().toHexString().slice(-12)}`,
  applicationId,
  citizenId: new mongoose.Types.ObjectId(),
  itemCode: 'ITEM-1',
  description: '证照工本费',
  amountFen: 3250,
  payerOpenid: 'o-1',
  status,
  prepayId: null,
  timeExpire: new Date(createdAt.getTime() + 30 * 60_000),
  createdAt,
  updatedAt: createdAt,
});

test('migrate-payments › data of the claim-and-mark version › is brought to the guarded version, once', async (t) => {
  const db = mongoose.connection.db!;
  await PaymentOrderModel.collection.dropIndex('applicationId_1_status_1');
  const applicationId = new mongoose.Types.ObjectId();
  const older = oldOrder(applicationId, 'open', new Date('2030-01-01T08:00:00Z'));
  const newer = oldOrder(applicationId, 'open', new Date('2030-01-01T08:10:00Z'));
  const paid = oldOrder(new mongoose.Types.ObjectId(), 'paid', new Date('2030-01-01T08:00:00Z'));
  await PaymentOrderModel.collection.insertMany([older, newer, paid]);
  await db.collection('payment_refunds').insertMany(
    ['success', 'processing', 'failed', 'closed'].map((status, i) => ({
      outRefundNo: `RFMIG${i}`,
      orderId: paid._id,
      outTradeNo: paid.outTradeNo,
      amountFen: 500,
      reason: '退费',
      status,
      requestedBy: 's-1',
    })),
  );
  await db.collection<{ _id: string; orderId: unknown }>('payment_claims').insertOne({ _id: String(applicationId), orderId: newer._id });
  await db.collection<{ _id: string; at: Date }>('payment_marks').insertOne({ _id: `paid:${String(paid._id)}`, at: new Date() });

  const first = await migratePayments(db);
  t.deepEqual(first, { closedDuplicateOpenOrders: 1, backfilledRefundable: 1, droppedCollections: ['payment_claims', 'payment_marks'] });
  t.is((await PaymentOrderModel.findById(older._id).lean())?.status, 'closed');
  t.is((await PaymentOrderModel.findById(newer._id).lean())?.status, 'open');
  t.is((await PaymentOrderModel.findById(paid._id).lean())?.refundableFen, 3250 - 1000);
  await t.notThrowsAsync(PaymentOrderModel.createIndexes());
  t.deepEqual(await migratePayments(db), { closedDuplicateOpenOrders: 0, backfilledRefundable: 0, droppedCollections: [] });
});
