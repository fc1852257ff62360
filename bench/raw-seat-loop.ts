// The raw driver baselines of booking-storm, on the same database: the same number of
// concurrent seat operations with no HTTP, no checks and no claims.
//   conditionalUpdate: updateOne({_id, remaining: {$gt: 0}}, {$inc: {remaining: -1}}) — the
//     classic form; on FerretDB it is not atomic, so `matched` can exceed the seats.
//   uniqueSeatInsert: insertOne({_id: "<slot>:<seat>"}) on seats in random order, retried on a
//     duplicate key, with the same full mark — the form OneTrip uses (seat keys on appointments).
import type { Db } from 'mongodb';

const DUPLICATE_KEY = 11000;

export async function rawSeatLoops(db: Db, operations: number, slots: number, seats: number) {
  return {
    conditionalUpdate: await conditionalUpdateLoop(db, operations, slots, seats),
    uniqueSeatInsert: await uniqueSeatInsertLoop(db, operations, slots, seats),
  };
}

async function conditionalUpdateLoop(db: Db, operations: number, slots: number, seats: number) {
  const collection = db.collection<{ _id: number; remaining: number }>('bench_raw_slots');
  await collection.insertMany(Array.from({ length: slots }, (_, n) => ({ _id: n, remaining: seats })));
  let matched = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: operations }, async (_, n) => {
      const result = await collection.updateOne({ _id: n % slots, remaining: { $gt: 0 } }, { $inc: { remaining: -1 } });
      matched += result.modifiedCount;
    }),
  );
  const ms = performance.now() - started;
  const left = await collection.find({}).toArray();
  const seatsTaken = left.reduce((sum, s) => sum + (seats - s.remaining), 0);
  return { operations, ms: Math.round(ms), throughputPerSecond: Math.round(operations / (ms / 1000)), matched, seatsTaken };
}

async function uniqueSeatInsertLoop(db: Db, operations: number, slots: number, seats: number) {
  const collection = db.collection<{ _id: string }>('bench_raw_seats');
  const marks = db.collection<{ _id: number }>('bench_raw_full_marks');
  let won = 0;
  let attempts = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: operations }, async (_, n) => {
      const slot = n % slots;
      if (await marks.findOne({ _id: slot })) return;
      const order = Array.from({ length: seats }, (_, i) => i).sort(() => Math.random() - 0.5);
      for (const [tried, seat] of order.entries()) {
        attempts += 1;
        try {
          await collection.insertOne({ _id: `${slot}:${seat}` });
          won += 1;
          return;
        } catch (error) {
          if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
        }
        if ((tried + 1) % 3 === 0 && (await marks.findOne({ _id: slot }))) return;
      }
      await marks.insertOne({ _id: slot }).catch(() => undefined);
    }),
  );
  const ms = performance.now() - started;
  return { operations, ms: Math.round(ms), throughputPerSecond: Math.round(operations / (ms / 1000)), won, insertAttempts: attempts };
}
