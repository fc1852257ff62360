// Why a booking step matched nothing, read back and answered precisely, in this order:
// PROFILE_REQUIRED, BOOKING_BANNED, NOT_FOUND (slot), SLOT_ITEM_MISMATCH, BOOKING_CLOSED,
// DUPLICATE_BOOKING (even when the slot is full), TOO_MANY_BOOKINGS, SLOT_FULL — the last only
// when the slot's counter shows every seat taken. When the state read explains nothing (a seat
// came back meanwhile, or the citizen's own concurrent request took the quota place) the answer
// is TRY_AGAIN.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Types } from 'mongoose';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { notFound } from '../../server/errors.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import type { Booking, SlotRecord } from './book.ts';
import * as refuse from './errors.ts';
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

type BookingCitizen = { verified?: boolean | null; bannedUntil?: Date | null };

/** Whether `citizen` may book at all at `now`: verified and not banned. */
export const mayBook = (citizen: BookingCitizen | null, now: Date): boolean =>
  Boolean(citizen?.verified) && !(citizen?.bannedUntil && citizen.bannedUntil > now);

/** Throws PROFILE_REQUIRED or BOOKING_BANNED when the citizen may not book at `now`. */
export function assertMayBook<C extends BookingCitizen>(citizen: C | null, now: Date): asserts citizen is C {
  if (!citizen?.verified) throw refuse.profileRequired();
  if (citizen.bannedUntil && citizen.bannedUntil > now) throw refuse.bookingBanned(zonedDate(citizen.bannedUntil, config.TZ_NAME));
}

/** The citizen step refused (`citizen` as read with their bookings): profile, ban, then the slot's own refusals, then the quota. */
export async function refuseCitizen(booking: Booking, citizen: BookingCitizen | null, bookedDays: string[]): Promise<typeof TRY_AGAIN> {
  assertMayBook(citizen, booking.now);
  assertBookable(await readSlot(booking.slotId), booking, bookedDays);
  throw refuse.tooManyBookings(config.MAX_ACTIVE_BOOKINGS);
}

/** The seat step refused: the slot's refusals, then SLOT_FULL. */
export async function refuseSeat(booking: Booking, bookedDays: string[]): Promise<typeof TRY_AGAIN> {
  const slot = await readSlot(booking.slotId);
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
