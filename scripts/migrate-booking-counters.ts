// Moves a database from the seat-key booking scheme to the counters. Run once, with the API
// stopped, before the first start of this version (idempotent):
//   MONGODB_URI=… npx tsx scripts/migrate-booking-counters.ts
// 1. drops the old scheme's indexes (seatKey's unique index would refuse every new booking);
// 2. marks active bookings `active: true` (a duplicate the claims let through stays unmarked and
//    is reported) and removes seatKey, seatNo and lastFreedAt;
// 3. drops the booking_claims and slot_full_marks collections;
// 4. sets every slot's booked/remaining and every citizen's activeBookings from the active bookings.
import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES } from '../models/appointment.ts';
import { config } from '../server/config.ts';
import { connectDatabase, disconnectDatabase } from '../server/db.ts';
import { isDuplicateKey } from '../server/mongo-errors.ts';

const OLD_APPOINTMENT_INDEXES = ['seatKey_1', 'citizenId_1', 'department_1', 'slotId_1', 'date_1', 'status_1', 'citizenId_1_status_1', 'slotId_1_status_1'];

if (!config.MONGODB_URI) {
  console.error('MONGODB_URI is required');
  process.exit(2);
}
const client = await mongoose.mongo.MongoClient.connect(config.MONGODB_URI);
const db = client.db(config.MONGODB_DB);
const appointments = db.collection('appointments');
for (const name of OLD_APPOINTMENT_INDEXES) await appointments.dropIndex(name).catch(() => undefined);
await client.close();

await connectDatabase(config.MONGODB_URI, config.MONGODB_DB); // builds the new indexes
const database = mongoose.connection.db!;
const unmarked = await markActive(database);
await database.collection('appointments').updateMany({}, { $unset: { seatKey: '', seatNo: '' } });
await database.collection('slots').updateMany({}, { $unset: { lastFreedAt: '' } });
for (const name of ['booking_claims', 'slot_full_marks']) await database.dropCollection(name).catch(() => undefined);
console.log(JSON.stringify({ duplicatesLeftUnmarked: unmarked, ...(await recount(database)) }));
await disconnectDatabase();

async function markActive(database: Db): Promise<string[]> {
  const unmarked: string[] = [];
  const legacy = database
    .collection('appointments')
    .find({ status: { $in: [...ACTIVE_APPOINTMENT_STATUSES] }, active: { $exists: false } }, { projection: { _id: 1 } });
  for await (const { _id } of legacy) {
    try {
      await database.collection('appointments').updateOne({ _id }, { $set: { active: true } });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      unmarked.push(String(_id));
    }
  }
  return unmarked;
}

async function recount(database: Db) {
  const held = (key: string) =>
    database
      .collection('appointments')
      .aggregate<{ _id: mongoose.Types.ObjectId; n: number }>([{ $match: { active: true } }, { $group: { _id: `$${key}`, n: { $sum: 1 } } }])
      .toArray();
  await database.collection('slots').updateMany({}, [{ $set: { booked: 0, remaining: '$capacity' } }]);
  await database.collection('citizens').updateMany({}, { $set: { activeBookings: 0 } });
  const [bySlot, byCitizen] = await Promise.all([held('slotId'), held('citizenId')]);
  for (const { _id, n } of bySlot)
    await database.collection('slots').updateOne({ _id }, [{ $set: { booked: n, remaining: { $max: [0, { $subtract: ['$capacity', n] }] } } }]);
  for (const { _id, n } of byCitizen) await database.collection('citizens').updateOne({ _id }, { $set: { activeBookings: n } });
  return { slotsWithBookings: bySlot.length, citizensWithBookings: byCitizen.length };
}
