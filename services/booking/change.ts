// Cancel and reschedule. Cancel is one guarded write (booked, before the cut-off) that gives the
// seat back and frees the quota place (end.ts). Reschedule takes the new seat first, then swaps the
// two appointments in one transaction — the citizen's own two documents, so contention is low —
// and only then gives back the old seat, so the citizen never ends with nothing.
import mongoose from 'mongoose';
import { AppointmentModel } from '../../models/appointment.ts';
import { config } from '../../server/config.ts';
import { badRequest, invalidState } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { activeBookingsOf, appointmentOf, bookingFor, daysBooked, insertAppointment, type AppointmentRecord } from './book.ts';
import { endBooking } from './end.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import * as refuse from './errors.ts';
import { ownAppointment } from './own.ts';
import { freeQuotaPlace, readBookingCitizen } from './quota.ts';
import { assertMayBook, refuseSeat, retrying } from './refusals.ts';
import { giveBackSeat, takeSeat } from './seats.ts';

const MINUTE_MS = 60_000;

/** Bookings starting after this instant may still be cancelled or moved at `now`. */
const changeableAfter = (now: Date) => new Date(now.getTime() + config.CANCEL_CUTOFF_MINUTES * MINUTE_MS);

function assertChangeable(appointment: { status: string; startsAt: Date }, now: Date, action: string): void {
  if (appointment.status !== 'booked') throw invalidState(appointment.status, action);
  if (appointment.startsAt <= changeableAfter(now)) throw refuse.cancelClosed(config.CANCEL_CUTOFF_MINUTES);
}

/** Cancels a booking and frees its seat at once; 409 CANCEL_CLOSED past the cut-off. */
export async function cancelAppointment(citizenId: string, appointmentId: string, now = new Date()): Promise<AppointmentRecord> {
  const cancelled = await endBooking(
    { _id: appointmentId, citizenId, status: 'booked', startsAt: { $gt: changeableAfter(now) } },
    { status: 'cancelled', cancelledAt: now },
  );
  if (cancelled) return cancelled;
  const current = await ownAppointment(citizenId, appointmentId);
  assertChangeable(current, now, '取消');
  throw invalidState(current.status, '取消');
}

/** Moves a booking to `slotId` (same item, same rules): the new seat first, then the old one is freed. */
export async function rescheduleAppointment(
  citizenId: string,
  appointmentId: string,
  slotId: string,
  now: Date,
  catalogue: CatalogueSnapshot,
): Promise<AppointmentRecord> {
  const old = await ownAppointment(citizenId, appointmentId);
  assertChangeable(old, now, '改约');
  if (String(old.slotId) === slotId) throw badRequest('SAME_SLOT', '新时段与原时段相同');
  const booking = await bookingFor({ citizenId, slotId, itemCode: old.itemCode, now }, catalogue);
  const [citizen, held] = await Promise.all([readBookingCitizen(old.citizenId), activeBookingsOf(old.citizenId)]);
  assertMayBook(citizen, now);
  const others = held.filter((a) => !a._id.equals(old._id));
  // The replacement takes over the old booking's quota place (a booking older than places takes a free one).
  const place = old.quotaPlace ?? freeQuotaPlace(others);
  if (place === null) throw refuse.tooManyBookings(config.MAX_ACTIVE_BOOKINGS);

  const otherDays = daysBooked(others, old.itemCode);
  const slot = await retrying(async () => (await takeSeat(booking.slotId, booking.windowGroup, now, otherDays)) ?? refuseSeat(booking, otherDays));
  const replacement = { ...appointmentOf(booking, slot, place), rescheduledFrom: old._id };
  let swapped: boolean;
  try {
    swapped = await swapBookings(old, replacement, now);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // it may have committed: keep the seat counted
    await giveBackSeat(slot._id);
    throw refuse.duplicateBooking();
  }
  if (!swapped) {
    await giveBackSeat(slot._id);
    const current = await ownAppointment(citizenId, appointmentId);
    assertChangeable(current, now, '改约');
    throw invalidState(current.status, '改约');
  }
  if (old.active) await giveBackSeat(old.slotId);
  return replacement;
}

/** Ends `old` (still booked, before the cut-off) and stores `replacement`, both or neither. */
async function swapBookings(old: AppointmentRecord, replacement: AppointmentRecord, now: Date): Promise<boolean> {
  return mongoose.connection.transaction(async (session) => {
    const ended = await AppointmentModel.updateOne(
      { _id: old._id, status: 'booked', startsAt: { $gt: changeableAfter(now) } },
      { $set: { status: 'cancelled', cancelledAt: now }, $unset: { active: 1 } },
      { session },
    );
    if (ended.modifiedCount !== 1) return false;
    await insertAppointment(replacement, session);
    return true;
  });
}
