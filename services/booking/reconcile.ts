// Repairs drift between a slot's seat count and its active appointments (left by a crash between
// taking a seat and writing the appointment, or between cancelling and freeing the seat), and
// clears stale claims. Slots changed within the last minute are left alone: a booking may be
// between its two writes. Each repair is guarded by the values read, so a booking racing the
// repair makes it match nothing.
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../../models/appointment.ts';
import { BookingClaimModel } from '../../models/booking-claim.ts';
import { SlotModel } from '../../models/slot.ts';
import { STALE_CLAIM_MS } from './claims.ts';

const QUIET_MS = 60_000;
const BATCH = 5000;

/** Recomputes the counts of future slots; returns how many were checked and repaired. */
export async function reconcileSlots(now: Date): Promise<{ checked: number; repaired: number; claimsCleared: number }> {
  const quietSince = new Date(now.getTime() - QUIET_MS);
  const slots = await SlotModel.find({ startsAt: { $gt: now }, updatedAt: { $lt: quietSince } }, { capacity: 1, booked: 1, updatedAt: 1 })
    .sort({ startsAt: 1 })
    .limit(BATCH)
    .lean();
  let repaired = 0;
  for (const slot of slots) {
    const active = await AppointmentModel.countDocuments({ slotId: slot._id, status: { $in: ACTIVE_APPOINTMENT_STATUSES } });
    if (active === slot.booked) continue;
    const result = await SlotModel.updateOne(
      { _id: slot._id, booked: slot.booked, updatedAt: slot.updatedAt },
      { $set: { booked: active, remaining: Math.max(0, slot.capacity - active) } },
    );
    repaired += result.modifiedCount;
  }
  return { checked: slots.length, repaired, claimsCleared: await clearStaleClaims(now) };
}

/** Deletes day and quota claims older than STALE_CLAIM_MS whose booking is not active. */
async function clearStaleClaims(now: Date): Promise<number> {
  const claims = await BookingClaimModel.find(
    { kind: { $in: ['day', 'active'] }, createdAt: { $lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    { appointmentId: 1 },
  )
    .limit(BATCH)
    .lean();
  const ids = [...new Set(claims.map((c) => String(c.appointmentId)))];
  const active = await AppointmentModel.find({ _id: { $in: ids }, status: { $in: ACTIVE_APPOINTMENT_STATUSES } }, { _id: 1 }).lean();
  const activeIds = new Set(active.map((a) => String(a._id)));
  const stale = claims.filter((c) => !activeIds.has(String(c.appointmentId))).map((c) => c._id);
  if (stale.length === 0) return 0;
  return (await BookingClaimModel.deleteMany({ _id: { $in: stale }, kind: { $in: ['day', 'active'] } })).deletedCount;
}
