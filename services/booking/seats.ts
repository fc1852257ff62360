// Seats of a slot. Taking one is a single conditional update: it matches only while the slot
// is open, released, not yet closed for booking and has a seat left, so no slot can ever hold
// more bookings than seats whatever the concurrency.
import type { Types } from 'mongoose';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';

const MINUTE_MS = 60_000;

/** The latest start instant a slot may have to be closed for booking at `now`. */
export const bookingClosesBefore = (now: Date) => new Date(now.getTime() + config.BOOKING_CLOSE_MINUTES * MINUTE_MS);

/** The filter of a slot that can be booked at `now`. */
export function bookableFilter(now: Date) {
  return { status: 'open' as const, remaining: { $gt: 0 }, opensAt: { $lte: now }, startsAt: { $gt: bookingClosesBefore(now) } };
}

/** Takes one seat; true when this caller got it. */
export async function takeSeat(slotId: Types.ObjectId, now: Date): Promise<boolean> {
  const result = await SlotModel.updateOne({ _id: slotId, ...bookableFilter(now) }, { $inc: { remaining: -1, booked: 1 } });
  return result.modifiedCount === 1;
}

/** Gives one seat back (a cancelled booking, or a failed write after taking it). */
export async function giveSeatBack(slotId: Types.ObjectId): Promise<void> {
  await SlotModel.updateOne({ _id: slotId, booked: { $gt: 0 } }, { $inc: { remaining: 1, booked: -1 } });
}
