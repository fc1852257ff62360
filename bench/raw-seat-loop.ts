// The raw driver baseline of booking-storm, on the same database in the same run: the same
// operations at the same concurrency with no HTTP, no citizen and no refusal reads — for each
// request the guarded seat $inc on a copy of the slots and, when it wins, the appointment insert
// into a collection with the appointments' indexes.
import type { Db, Document } from 'mongodb';
import { AppointmentModel } from '../models/appointment.ts';
import { bookableFilter } from '../services/booking/seats.ts';

export interface RawLoopResult {
  operations: number;
  ms: number;
  throughputPerSecond: number;
  booked: number;
  p50: number;
  p99: number;
}

/** Books `operations` seats at once over `slots` (their documents as stored), like the storm does. */
export async function rawSeatLoop(db: Db, slots: Document[], operations: number, now: Date): Promise<RawLoopResult> {
  const slotCopies = db.collection(`bench_raw_slots_${Date.now()}`);
  const appointments = db.collection(`bench_raw_appointments_${Date.now()}`);
  await slotCopies.insertMany(slots.map((s) => ({ ...s })));
  for (const { key, name, unique, partialFilterExpression } of await AppointmentModel.collection.indexes()) {
    if (name !== '_id_')
      await appointments.createIndex(key, { name, unique: Boolean(unique), ...(partialFilterExpression ? { partialFilterExpression } : {}) });
  }
  const latencies: number[] = [];
  let booked = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: operations }, async (_, n) => {
      const t0 = performance.now();
      const slot = slots[n % slots.length]!;
      const taken = await slotCopies.findOneAndUpdate(
        { _id: slot._id, windowGroup: slot.windowGroup, ...bookableFilter(now), remaining: { $gt: 0 } },
        { $inc: { booked: 1, remaining: -1 } },
        { returnDocument: 'after' },
      );
      if (taken) {
        await appointments.insertOne(rawAppointment(taken, n, now));
        booked += 1;
      }
      latencies.push(performance.now() - t0);
    }),
  );
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  await Promise.all([slotCopies.drop(), appointments.drop()]);
  return { operations, ms: Math.round(ms), throughputPerSecond: Math.round(operations / (ms / 1000)), booked, p50: at(0.5), p99: at(0.99) };
}

function rawAppointment(slot: Document, n: number, now: Date): Document {
  return {
    citizenId: slot._id,
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
