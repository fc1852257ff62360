// Cancel and reschedule. Cancel frees the seat at once; reschedule takes the new seat first
// and frees the old one only then, so the citizen never ends with nothing. Freeing a seat sets
// the booking's seat key to "free:<id>" in the same write as its status, so it is idempotent.
import { AppointmentModel, freeSeatKey } from '../../models/appointment.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { badRequest, invalidState, notFound } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { bookAppointment } from './book.ts';
import { dayClaimKey, releaseBookingClaims, takeActiveQuota, takeClaim } from './claims.ts';
import * as refuse from './errors.ts';
import { refreshSlotCount, seatFreed } from './seats.ts';

const MINUTE_MS = 60_000;

/** The citizen's own appointment, or 404 (someone else's is not revealed). */
async function ownAppointment(citizenId: string, appointmentId: string) {
  const appointment = await AppointmentModel.findOne({ _id: appointmentId, citizenId }).lean();
  if (!appointment) throw notFound('预约');
  return appointment;
}

function assertChangeable(appointment: { status: string; startsAt: Date }, now: Date, action: string): void {
  if (appointment.status !== 'booked') throw invalidState(appointment.status, action);
  if (appointment.startsAt.getTime() - config.CANCEL_CUTOFF_MINUTES * MINUTE_MS <= now.getTime()) {
    throw refuse.cancelClosed(config.CANCEL_CUTOFF_MINUTES);
  }
}

/** Cancels a booking and frees its seat; 409 CANCEL_CLOSED past the cut-off. */
export async function cancelAppointment(citizenId: string, appointmentId: string, now = new Date()) {
  const appointment = await ownAppointment(citizenId, appointmentId);
  assertChangeable(appointment, now, '取消');
  const cancelled = await AppointmentModel.findOneAndUpdate(
    { _id: appointment._id, status: 'booked' },
    { $set: { status: 'cancelled', cancelledAt: now, seatKey: freeSeatKey(appointment._id) } },
    { returnDocument: 'after' },
  ).lean();
  if (!cancelled) throw invalidState((await ownAppointment(citizenId, appointmentId)).status, '取消');
  await seatFreed(appointment.slotId);
  await refreshSlotCount(appointment.slotId);
  await releaseBookingClaims(appointment._id);
  return cancelled;
}

/** Moves a booking to `slotId` (same item): the new seat first, then the old one is freed. */
export async function rescheduleAppointment(citizenId: string, appointmentId: string, slotId: string, now: Date, catalogue: CatalogueSnapshot) {
  const old = await ownAppointment(citizenId, appointmentId);
  assertChangeable(old, now, '改约');
  if (String(old.slotId) === slotId) throw badRequest('SAME_SLOT', '新时段与原时段相同');
  // The old booking's day and quota claims are handed over: released now, taken back if booking fails.
  await releaseBookingClaims(old._id);
  let appointment;
  try {
    ({ appointment } = await bookAppointment({ citizenId, slotId, itemCode: old.itemCode, now }, catalogue));
  } catch (error) {
    await takeClaim(dayClaimKey(citizenId, old.itemCode, old.date), 'day', citizenId, old._id, now);
    await takeActiveQuota(citizenId, old._id, config.MAX_ACTIVE_BOOKINGS, now);
    throw error;
  }
  await AppointmentModel.updateOne({ _id: appointment._id }, { $set: { rescheduledFrom: old._id } });
  await AppointmentModel.updateOne(
    { _id: old._id, status: 'booked' },
    { $set: { status: 'cancelled', cancelledAt: now, seatKey: freeSeatKey(old._id) } },
  );
  await seatFreed(old.slotId);
  await refreshSlotCount(old.slotId);
  return { ...appointment, rescheduledFrom: old._id };
}
