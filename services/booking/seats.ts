// Seats of a slot: the slot's own counters decide. Taking a seat is one guarded $inc whose
// filter names everything that makes the slot bookable now, so no slot ever holds more
// bookings than seats however many race for it; giving one back is the opposite $inc.
// Neither touches `updatedAt`: a seat taken and given back by a refused request leaves the
// slot exactly as it was.
import type { Types } from 'mongoose';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';

const MINUTE_MS = 60_000;

/** The latest start instant a slot may have to be closed for booking at `now`. */
export const bookingClosesBefore = (now: Date) => new Date(now.getTime() + config.BOOKING_CLOSE_MINUTES * MINUTE_MS);

/** The filter of slots open for booking at `now`, whatever their seats. */
export function bookableFilter(now: Date) {
  return { status: 'open' as const, opensAt: { $lte: now }, startsAt: { $gt: bookingClosesBefore(now) } };
}

/** `bookableFilter` on a slot in hand. */
export function isOpenForBooking(slot: { status: string; opensAt: Date; startsAt: Date }, now: Date): boolean {
  return slot.status === 'open' && slot.opensAt <= now && slot.startsAt > bookingClosesBefore(now);
}

/**
 * Takes a seat of slot `slotId` of `windowGroup` if it is bookable at `now`, has a seat left
 * and is not on one of `excludedDates` (the days the citizen already has this item booked);
 * answers the slot after the change, or null when nothing matched.
 */
export function takeSeat(slotId: Types.ObjectId, windowGroup: string, now: Date, excludedDates: string[]) {
  return SlotModel.findOneAndUpdate(
    { _id: slotId, windowGroup, ...bookableFilter(now), remaining: { $gt: 0 }, ...(excludedDates.length ? { date: { $nin: excludedDates } } : {}) },
    { $inc: { booked: 1, remaining: -1 } },
    { returnDocument: 'after', timestamps: false },
  ).lean();
}

/** Gives back a seat taken by `takeSeat` (once per taken seat; the caller's guard ensures it). */
export async function giveBackSeat(slotId: Types.ObjectId): Promise<void> {
  await SlotModel.updateOne({ _id: slotId, booked: { $gt: 0 } }, { $inc: { booked: -1, remaining: 1 } }, { timestamps: false });
}
