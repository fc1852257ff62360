// Repairs drift between a slot's seat-count copy (`booked`/`remaining`) and its active
// appointments — the bookings are the truth (each holds its seat by a unique key) — and clears
// stale claims left by a crash between a booking's steps.
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../../models/appointment.ts';
import { BookingClaimModel } from '../../models/booking-claim.ts';
import { SlotModel } from '../../models/slot.ts';
import { STALE_CLAIM_MS } from './claims.ts';
import { countActive } from './seats.ts';

const BATCH = 5000;

/** Recomputes the counts of future slots; returns how many were checked and repaired. */
export async function reconcileSlots(now: Date): Promise<{ checked: number; repaired: number; claimsCleared: number }> {
  const slots = await SlotModel.find({ startsAt: { $gt: now } }, { capacity: 1, booked: 1, remaining: 1 }).sort({ startsAt: 1 }).limit(BATCH).lean();
  const active = await countActive(slots.map((s) => s._id));
  let repaired = 0;
  for (const slot of slots) {
    const booked = active.get(String(slot._id)) ?? 0;
    const remaining = Math.max(0, slot.capacity - booked);
    if (booked === slot.booked && remaining === slot.remaining) continue;
    repaired += (await SlotModel.updateOne({ _id: slot._id }, { $set: { booked, remaining } })).modifiedCount;
  }
  return { checked: slots.length, repaired, claimsCleared: await clearStaleClaims(now) };
}

/** Deletes day and quota claims older than STALE_CLAIM_MS whose booking is not active. */
async function clearStaleClaims(now: Date): Promise<number> {
  const claims = await BookingClaimModel.find(
    { createdAt: { $lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    { appointmentId: 1 },
  )
    .limit(BATCH)
    .lean();
  const ids = [...new Set(claims.map((c) => String(c.appointmentId)))];
  const active = await AppointmentModel.find({ _id: { $in: ids }, status: { $in: ACTIVE_APPOINTMENT_STATUSES } }, { _id: 1 }).lean();
  const activeIds = new Set(active.map((a) => String(a._id)));
  const stale = claims.filter((c) => !activeIds.has(String(c.appointmentId))).map((c) => c._id);
  if (stale.length === 0) return 0;
  return (await BookingClaimModel.deleteMany({ _id: { $in: stale } })).deletedCount;
}
