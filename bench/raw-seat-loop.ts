// The raw driver baseline of booking-storm, on the same database in the same run: the same
// operations at the same concurrency with no HTTP, no citizen and no refusal reads — for each
// request the guarded seat $inc on a copy of the slots and, when it wins, the appointment insert
// into a collection with the appointments' indexes.
// With `checks`, each operation first does, in one round trip, what the issues require of any
// booking before its seat: the two rate counts shared through the database (per caller and per
// IP, issue 7), the citizen's read (verified, not banned) and their active bookings (quota and
// one booking per item and day). No implementation through the API can do less database work,
// so this loop's throughput against the bare one is the ceiling of the storm's ratio. The rate
// counts use the storm's keys (one per citizen, one per client address), in a scratch collection.
// Each appointment has a citizen of its own and quota place 0, as the app's do, so its insert
// writes the same index entries as a booking's.
import { ObjectId, type Db, type Document } from 'mongodb';
import { AppointmentModel } from '../models/appointment.ts';
import { bookableFilter } from '../services/booking/seats.ts';
import { withDatabaseCpu } from './lib.ts';

export interface RawLoopResult {
  operations: number;
  ms: number;
  throughputPerSecond: number;
  booked: number;
  p50: number;
  p99: number;
  /** The database's CPU time over the timed operations (bench/lib.ts), null off a local server. */
  databaseCpuMs: number | null;
}

export interface RequiredChecks {
  /** The client address of the n-th operation, as the storm sends it. */
  addressOf: (n: number) => string;
}

/** Books `operations` seats at once over `slots` (their documents as stored), like the storm does. */
export async function rawSeatLoop(
  db: Db,
  slots: Document[],
  operations: number,
  now: Date,
  { checks }: { checks?: RequiredChecks } = {},
): Promise<RawLoopResult> {
  const run = Date.now();
  const slotCopies = db.collection(`bench_raw_slots_${run}`);
  const appointments = db.collection(`bench_raw_appointments_${run}`);
  const counters = db.collection<{ _id: string; value: number; expiresAt: Date }>(`bench_raw_counters_${run}`);
  const citizens = db.collection(`bench_raw_citizens_${run}`);
  const citizenIds = Array.from({ length: operations }, () => new ObjectId());
  await slotCopies.insertMany(slots.map((s) => ({ ...s })));
  if (checks) {
    await db.createCollection(counters.collectionName);
    await counters.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await citizens.insertMany(citizenIds.map((_id) => ({ _id, verified: true, bannedUntil: null })));
  }
  const expiresAt = new Date(now.getTime() + 60_000);
  const count = (key: string) =>
    counters.findOneAndUpdate({ _id: key }, { $inc: { value: 1 }, $setOnInsert: { expiresAt } }, { upsert: true, returnDocument: 'after' });
  const required = (n: number, { addressOf }: RequiredChecks) =>
    Promise.all([
      count(`booking:citizen:${citizenIds[n]}`),
      count(`booking:ip:${addressOf(n)}`),
      citizens.findOne({ _id: citizenIds[n] }, { projection: { verified: 1, bannedUntil: 1 } }),
      appointments.find({ citizenId: citizenIds[n], active: true }).toArray(),
    ]);
  for (const { key, name, unique, partialFilterExpression } of await AppointmentModel.collection.indexes()) {
    if (name !== '_id_')
      await appointments.createIndex(key, { name, unique: Boolean(unique), ...(partialFilterExpression ? { partialFilterExpression } : {}) });
  }
  const latencies: number[] = [];
  let booked = 0;
  const started = performance.now();
  const { databaseCpuMs } = await withDatabaseCpu(() =>
    Promise.all(
      Array.from({ length: operations }, async (_, n) => {
        const t0 = performance.now();
        const slot = slots[n % slots.length]!;
        if (checks) await required(n, checks);
        const taken = await slotCopies.findOneAndUpdate(
          { _id: slot._id, windowGroup: slot.windowGroup, ...bookableFilter(now), remaining: { $gt: 0 } },
          { $inc: { booked: 1, remaining: -1 } },
          { returnDocument: 'after' },
        );
        if (taken) {
          await appointments.insertOne(rawAppointment(taken, n, now, citizenIds[n]!));
          booked += 1;
        }
        latencies.push(performance.now() - t0);
      }),
    ),
  );
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  await Promise.all([slotCopies.drop(), appointments.drop(), ...(checks ? [counters.drop(), citizens.drop()] : [])]);
  return {
    operations,
    ms: Math.round(ms),
    throughputPerSecond: Math.round(operations / (ms / 1000)),
    booked,
    p50: at(0.5),
    p99: at(0.99),
    databaseCpuMs,
  };
}

function rawAppointment(slot: Document, n: number, now: Date, citizenId: ObjectId): Document {
  return {
    citizenId,
    itemCode: `RAW${n}`,
    department: 'RAW',
    slotId: slot._id,
    windowGroup: slot.windowGroup,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: 'booked',
    active: true,
    quotaPlace: 0,
    checkInCode: `RAW${n}-${slot._id}`,
    idempotencyKey: null,
    ticketNo: null,
    checkedInAt: null,
    cancelledAt: null,
    rescheduledFrom: null,
    createdAt: now,
    updatedAt: now,
  };
}
