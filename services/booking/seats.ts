// Seats of a slot. A seat is taken by inserting the appointment with a unique seat key
// ("<slotId>:<n>", n < capacity): the unique index decides, so no slot ever holds more
// bookings than seats whatever the concurrency, and there is no moment at which a seat is
// taken without its appointment. The slot's `booked`/`remaining` copy is refreshed afterwards.
import type { Types } from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../../models/appointment.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';

const MINUTE_MS = 60_000;

/** The latest start instant a slot may have to be closed for booking at `now`. */
export const bookingClosesBefore = (now: Date) => new Date(now.getTime() + config.BOOKING_CLOSE_MINUTES * MINUTE_MS);

/** The filter of slots open for booking at `now` (seats are counted separately). */
export function bookableFilter(now: Date) {
  return { status: 'open' as const, opensAt: { $lte: now }, startsAt: { $gt: bookingClosesBefore(now) } };
}

const activeIn = (slotIds: Types.ObjectId[]) => ({ slotId: { $in: slotIds }, status: { $in: [...ACTIVE_APPOINTMENT_STATUSES] } });

/** Seat numbers held by active bookings of a slot. */
export async function takenSeats(slotId: Types.ObjectId): Promise<Set<number>> {
  const holders = await AppointmentModel.find(activeIn([slotId]), { seatNo: 1 }).lean();
  return new Set(holders.map((h) => h.seatNo).filter((n): n is number => typeof n === 'number'));
}

/** A free seat number chosen at random (so racing citizens spread out), or null when full. */
export function pickFreeSeat(capacity: number, taken: Set<number>): number | null {
  const free = Array.from({ length: capacity }, (_, n) => n).filter((n) => !taken.has(n));
  return free.length ? free[Math.floor(Math.random() * free.length)]! : null;
}

/** Active bookings per slot, exactly. */
export async function countActive(slotIds: Types.ObjectId[]): Promise<Map<string, number>> {
  if (slotIds.length === 0) return new Map();
  const rows = await AppointmentModel.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: activeIn(slotIds) },
    { $group: { _id: '$slotId', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [String(r._id), r.n]));
}

/** Refreshes the slot's booked/remaining copy from its bookings. */
export async function refreshSlotCount(slotId: Types.ObjectId): Promise<void> {
  const booked = await AppointmentModel.countDocuments(activeIn([slotId]));
  const slot = await SlotModel.findById(slotId, { capacity: 1 }).lean();
  if (slot) await SlotModel.updateOne({ _id: slotId }, { $set: { booked, remaining: Math.max(0, slot.capacity - booked) } });
}
