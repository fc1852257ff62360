// Moves a database from the seat-key booking scheme to the counters. Run once, with the API
// stopped, before the first start of this version (idempotent):
//   MONGODB_URI=… npx tsx scripts/migrate-booking-counters.ts
// 1. drops the indexes no model declares any more (drop-stale-indexes.ts: seatKey's unique index
//    would refuse every new booking);
// 2. marks active bookings `active: true` (a duplicate the claims let through stays unmarked and
//    is reported) and removes seatKey, seatNo and lastFreedAt;
// 3. drops the booking_claims and slot_full_marks collections;
// 4. sets every slot's booked/remaining from the active bookings, gives each active booking one of
//    its citizen's quota places (0, 1, … in booking order) and drops the old per-citizen counter.
import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES } from '../models/appointment.ts';
import { config } from '../server/config.ts';
import { connectDatabase, disconnectDatabase } from '../server/db.ts';
import { isDuplicateKey } from '../server/mongo-errors.ts';
import { dropStaleIndexes } from './drop-stale-indexes.ts';

if (!config.MONGODB_URI) {
  console.error('MONGODB_URI is required');
  process.exit(2);
}
await mongoose.connect(config.MONGODB_URI, { dbName: config.MONGODB_DB, autoIndex: false });
await dropStaleIndexes({ apply: true });
await mongoose.disconnect();

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
  const bySlot = await database
    .collection('appointments')
    .aggregate<{ _id: mongoose.Types.ObjectId; n: number }>([{ $match: { active: true } }, { $group: { _id: '$slotId', n: { $sum: 1 } } }])
    .toArray();
  await database.collection('slots').updateMany({}, [{ $set: { booked: 0, remaining: '$capacity' } }]);
  for (const { _id, n } of bySlot)
    await database.collection('slots').updateOne({ _id }, [{ $set: { booked: n, remaining: { $max: [0, { $subtract: ['$capacity', n] }] } } }]);
  await database.collection('citizens').updateMany({ activeBookings: { $exists: true } }, { $unset: { activeBookings: '' } });
  return { slotsWithBookings: bySlot.length, quotaPlacesGiven: await givePlaces(database) };
}

/** Gives every active booking without a quota place the lowest place its citizen leaves free. */
async function givePlaces(database: Db): Promise<number> {
  const appointments = database.collection<{ citizenId: mongoose.Types.ObjectId; quotaPlace?: number }>('appointments');
  const taken = new Map<string, Set<number>>();
  for await (const { citizenId, quotaPlace } of appointments.find(
    { active: true, quotaPlace: { $exists: true } },
    { projection: { citizenId: 1, quotaPlace: 1 } },
  ))
    taken.set(String(citizenId), (taken.get(String(citizenId)) ?? new Set()).add(quotaPlace!));
  let given = 0;
  const placeless = appointments.find({ active: true, quotaPlace: { $exists: false } }, { projection: { citizenId: 1 }, sort: { createdAt: 1 } });
  for await (const { _id, citizenId } of placeless) {
    const places = taken.get(String(citizenId)) ?? new Set<number>();
    let place = 0;
    while (places.has(place)) place += 1;
    taken.set(String(citizenId), places.add(place));
    given += (await appointments.updateOne({ _id, quotaPlace: { $exists: false } }, { $set: { quotaPlace: place } })).modifiedCount;
  }
  return given;
}
