// The safety net of the counters. A booking takes its seat and quota unit before it stores the
// appointment, and an ending booking gives them back after its status write, so a crash between
// two steps leaves a counter one too high — the safe side, never an oversold seat. This recounts
// them from the active appointments (one walk over the day-rule index, which holds exactly
// those) for future slots and for citizens holding bookings. A booking under way looks like
// drift too, so a counter is repaired only when a second look SETTLE_MS later finds the same
// counter and the same count, and the repair is guarded by the value read.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Types } from 'mongoose';
import { ACTIVE_BOOKINGS_INDEX, AppointmentModel } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { SlotModel } from '../../models/slot.ts';

const BATCH = 5000;
/** Longer than any booking takes between its steps (a write times out after 20 s). */
const SETTLE_MS = 30_000;

interface Drift {
  kind: 'slot' | 'citizen';
  id: Types.ObjectId;
  counter: number;
  held: number;
  capacity: number;
}

/** Recounts the seat and quota counters; returns how many were checked and repaired. */
export async function reconcileCounters(now: Date, settleMs = SETTLE_MS): Promise<Record<string, number>> {
  const first = await observe({ startsAt: { $gt: now } }, { activeBookings: { $gt: 0 } });
  const counts = { slotsChecked: first.slots, citizensChecked: first.citizens, slotsRepaired: 0, citizensRepaired: 0, repaired: 0 };
  if (first.drifts.length === 0) return counts;
  await sleep(settleMs);
  const ids = (kind: Drift['kind']) => ({ _id: { $in: first.drifts.filter((d) => d.kind === kind).map((d) => d.id) } });
  const again = new Map((await observe(ids('slot'), ids('citizen'))).drifts.map((d) => [String(d.id), d]));
  for (const drift of first.drifts) {
    const seen = again.get(String(drift.id));
    if (seen?.counter !== drift.counter || seen.held !== drift.held) continue;
    const repaired =
      drift.kind === 'slot'
        ? await SlotModel.updateOne(
            { _id: drift.id, booked: drift.counter },
            { $set: { booked: drift.held, remaining: Math.max(0, drift.capacity - drift.held) } },
          )
        : await CitizenModel.updateOne({ _id: drift.id, activeBookings: drift.counter }, { $set: { activeBookings: drift.held } });
    counts[drift.kind === 'slot' ? 'slotsRepaired' : 'citizensRepaired'] += repaired.modifiedCount;
    counts.repaired += repaired.modifiedCount;
  }
  return counts;
}

/** The counters of the matching slots and citizens that differ from the active appointments. */
async function observe(slotFilter: Record<string, unknown>, citizenFilter: Record<string, unknown>) {
  const [held, slots, citizens] = await Promise.all([
    activeCounts(),
    SlotModel.find(slotFilter, { capacity: 1, booked: 1 }).sort({ startsAt: 1 }).limit(BATCH).lean(),
    CitizenModel.find(citizenFilter, { activeBookings: 1 }).limit(BATCH).lean(),
  ]);
  const drifts: Drift[] = [
    ...slots.map((s) => ({ kind: 'slot' as const, id: s._id, counter: s.booked, held: held.bySlot.get(String(s._id)) ?? 0, capacity: s.capacity })),
    ...citizens.map((c) => ({ kind: 'citizen' as const, id: c._id, counter: c.activeBookings, held: held.byCitizen.get(String(c._id)) ?? 0, capacity: 0 })),
  ];
  return { slots: slots.length, citizens: citizens.length, drifts: drifts.filter((d) => d.counter !== d.held) };
}

/** Active appointments per slot and per citizen: one pass over the partial index of active bookings. */
async function activeCounts() {
  const bySlot = new Map<string, number>();
  const byCitizen = new Map<string, number>();
  const cursor = AppointmentModel.find({ active: true }, { slotId: 1, citizenId: 1 }).hint(ACTIVE_BOOKINGS_INDEX).lean().cursor({ batchSize: 1000 });
  for await (const { slotId, citizenId } of cursor) {
    bySlot.set(String(slotId), (bySlot.get(String(slotId)) ?? 0) + 1);
    byCitizen.set(String(citizenId), (byCitizen.get(String(citizenId)) ?? 0) + 1);
  }
  return { bySlot, byCitizen };
}
