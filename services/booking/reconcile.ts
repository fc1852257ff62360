// The safety net of the seat counters. A booking takes its seat before it stores the
// appointment, and an ending booking gives it back after its status write, so a crash between
// two steps leaves a counter one too high — the safe side, never an oversold seat. This recounts
// future slots' seats from the active appointments (one walk over the day-rule index, which holds
// exactly those). A booking under way looks like drift too, so a counter is repaired only when a
// second look SETTLE_MS later finds the same counter and the same count, and the repair is
// guarded by the value read. (Quota places need no net: the appointment itself holds its place.)
import { setTimeout as sleep } from 'node:timers/promises';
import type { Types } from 'mongoose';
import { ACTIVE_BOOKINGS_INDEX, AppointmentModel } from '../../models/appointment.ts';
import { SlotModel } from '../../models/slot.ts';

const BATCH = 5000;
/** Longer than any booking takes between its steps. */
const SETTLE_MS = 30_000;

interface Drift {
  id: Types.ObjectId;
  counter: number;
  held: number;
  capacity: number;
}

/** Recounts the seat counters of future slots; returns how many were checked and repaired. */
export async function reconcileCounters(now: Date, settleMs = SETTLE_MS): Promise<Record<string, number>> {
  const first = await observe({ startsAt: { $gt: now } });
  const counts = { slotsChecked: first.slots, repaired: 0 };
  if (first.drifts.length === 0) return counts;
  await sleep(settleMs);
  const again = new Map((await observe({ _id: { $in: first.drifts.map((d) => d.id) } })).drifts.map((d) => [String(d.id), d]));
  for (const drift of first.drifts) {
    const seen = again.get(String(drift.id));
    if (seen?.counter !== drift.counter || seen.held !== drift.held) continue;
    const repaired = await SlotModel.updateOne(
      { _id: drift.id, booked: drift.counter },
      { $set: { booked: drift.held, remaining: Math.max(0, drift.capacity - drift.held) } },
    );
    counts.repaired += repaired.modifiedCount;
  }
  return counts;
}

/** The seat counters of the matching slots that differ from the active appointments. */
async function observe(slotFilter: Record<string, unknown>) {
  const [held, slots] = await Promise.all([activeCounts(), SlotModel.find(slotFilter, { capacity: 1, booked: 1 }).sort({ startsAt: 1 }).limit(BATCH).lean()]);
  const drifts: Drift[] = slots.map((s) => ({ id: s._id, counter: s.booked, held: held.get(String(s._id)) ?? 0, capacity: s.capacity }));
  return { slots: slots.length, drifts: drifts.filter((d) => d.counter !== d.held) };
}

/** Active appointments per slot: one pass over the partial index of active bookings. */
async function activeCounts() {
  const bySlot = new Map<string, number>();
  const cursor = AppointmentModel.find({ active: true }, { slotId: 1 }).hint(ACTIVE_BOOKINGS_INDEX).lean().cursor({ batchSize: 1000 });
  for await (const { slotId } of cursor) bySlot.set(String(slotId), (bySlot.get(String(slotId)) ?? 0) + 1);
  return bySlot;
}
