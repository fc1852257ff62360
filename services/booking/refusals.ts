// Why a booking step matched nothing, read back and answered precisely, in this order:
// PROFILE_REQUIRED, BOOKING_BANNED, NOT_FOUND (slot), SLOT_ITEM_MISMATCH, BOOKING_CLOSED,
// DUPLICATE_BOOKING (even when the slot is full), TOO_MANY_BOOKINGS, SLOT_FULL — the last only
// when the slot's counter shows every seat taken. When the state read explains nothing (a seat
// or a quota unit came back meanwhile, or the citizen's own requests still hold the counter)
// the answer is TRY_AGAIN.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Types } from 'mongoose';
import { AppointmentModel } from '../../models/appointment.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { notFound } from '../../server/errors.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import type { Booking, SlotRecord } from './book.ts';
import * as refuse from './errors.ts';
import { readBookingCitizen } from './quota.ts';
import { isOpenForBooking } from './seats.ts';

export const TRY_AGAIN = Symbol('try again');

const ATTEMPTS = 8;
const RETRY_MS = 25;

/**
 * Runs `attempt` until it gives an answer; TRY_AGAIN comes only while the citizen's own
 * concurrent requests (or a seat freed meanwhile) leave it open, so a few short waits settle it.
 */
export async function retrying<T>(attempt: () => Promise<T | typeof TRY_AGAIN>): Promise<T> {
  for (let n = 1; ; n += 1) {
    const outcome = await attempt();
    if (outcome !== TRY_AGAIN) return outcome;
    if (n === ATTEMPTS) throw refuse.requestInProgress();
    await sleep(RETRY_MS * n);
  }
}

const readSlot = (slotId: Types.ObjectId) => SlotModel.findById(slotId).lean<SlotRecord>();

/** Throws PROFILE_REQUIRED or BOOKING_BANNED when the citizen may not book at `now`. */
export function assertMayBook<C extends { verified?: boolean | null; bannedUntil?: Date | null }>(citizen: C | null, now: Date): asserts citizen is C {
  if (!citizen?.verified) throw refuse.profileRequired();
  if (citizen.bannedUntil && citizen.bannedUntil > now) throw refuse.bookingBanned(zonedDate(citizen.bannedUntil, config.TZ_NAME));
}

/** The citizen step refused: profile, ban, then the slot's own refusals, then the quota. */
export async function refuseCitizen(booking: Booking, bookedDays: string[]): Promise<typeof TRY_AGAIN> {
  const [citizen, slot] = await Promise.all([readBookingCitizen(booking.citizenId), readSlot(booking.slotId)]);
  assertMayBook(citizen, booking.now);
  assertBookable(slot, booking, bookedDays);
  if ((citizen.activeBookings ?? 0) >= config.MAX_ACTIVE_BOOKINGS) {
    // The counter also holds the citizen's requests still under way: refuse on real bookings only.
    const held = await AppointmentModel.countDocuments({ citizenId: booking.citizenId, active: true });
    if (held >= config.MAX_ACTIVE_BOOKINGS) throw refuse.tooManyBookings(config.MAX_ACTIVE_BOOKINGS);
  }
  return TRY_AGAIN;
}

/** The seat step refused (`release` gives back the quota meanwhile): the slot's refusals, then SLOT_FULL. */
export async function refuseSeat(booking: Booking, bookedDays: string[], release?: Promise<void>): Promise<typeof TRY_AGAIN> {
  const [, slot] = await Promise.all([release, readSlot(booking.slotId)]);
  assertBookable(slot, booking, bookedDays);
  if (slot.remaining <= 0) throw refuse.slotFull();
  return TRY_AGAIN;
}

/** Throws the slot's refusal for this booking, if any. */
function assertBookable(slot: SlotRecord | null, booking: Booking, bookedDays: string[]): asserts slot is SlotRecord {
  if (!slot) throw notFound('预约时段');
  if (slot.windowGroup !== booking.windowGroup) throw refuse.slotNotForItem();
  if (!isOpenForBooking(slot, booking.now)) throw refuse.bookingClosed();
  if (bookedDays.includes(slot.date)) throw refuse.duplicateBooking();
}
