// One-off, idempotent: brings payment data written by the claim-and-mark version up to the
// guarded-update version. Run once before starting that version (its index build needs it):
//   MONGODB_URI=… npx tsx scripts/migrate-payments.ts
// 1. Of several open orders of one application (left by a crash between the order and its
//    claim) only the newest stays open, so the partial unique index can be built.
// 2. Paid and refunded orders get refundableFen = amount − refunds succeeded, processing or
//    abnormal (the sum the refund guard now keeps instead of adding refunds up).
// 3. payment_claims and payment_marks are dropped.
import { pathToFileURL } from 'node:url';
import type { Db, ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { config } from '../server/config.ts';

/** Applies the three steps to `db`; answers what it changed. */
export async function migratePayments(db: Db, now = new Date()) {
  const orders = db.collection('payment_orders');
  const duplicated = await orders
    .aggregate<{ ids: ObjectId[] }>([
      { $match: { status: 'open' } },
      { $sort: { createdAt: -1 } },
      { $group: { _id: '$applicationId', ids: { $push: '$_id' } } },
      { $match: { 'ids.1': { $exists: true } } },
    ])
    .toArray();
  const surplus = duplicated.flatMap((group) => group.ids.slice(1));
  const closed = await orders.updateMany({ _id: { $in: surplus }, status: 'open' }, { $set: { status: 'closed', closedAt: now } });

  let backfilled = 0;
  for await (const order of orders.find({ status: { $in: ['paid', 'refunded'] }, refundableFen: { $exists: false } })) {
    const [committed] = await db
      .collection('payment_refunds')
      .aggregate<{ fen: number }>([
        { $match: { orderId: order._id, status: { $in: ['success', 'processing', 'abnormal'] } } },
        { $group: { _id: null, fen: { $sum: '$amountFen' } } },
      ])
      .toArray();
    const refundableFen = Math.max(0, Number(order.amountFen) - (committed?.fen ?? 0));
    const set = await orders.updateOne({ _id: order._id, refundableFen: { $exists: false } }, { $set: { refundableFen } });
    backfilled += set.modifiedCount;
  }

  const present = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  const dropped = ['payment_claims', 'payment_marks'].filter((name) => present.has(name));
  for (const name of dropped) await db.dropCollection(name);
  return { closedDuplicateOpenOrders: closed.modifiedCount, backfilledRefundable: backfilled, droppedCollections: dropped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!config.MONGODB_URI) {
    console.error('MONGODB_URI is required');
    process.exit(2);
  }
  // A bare connection: the app's connectDatabase builds indexes, which step 1 must precede.
  const connection = await mongoose.connect(config.MONGODB_URI, { dbName: config.MONGODB_DB });
  console.log(JSON.stringify(await migratePayments(connection.connection.db!)));
  await mongoose.disconnect();
}
