// Ending a booking (cancelled, no-show, served). One guarded findOneAndUpdate changes the status
// from the one the caller expects and unsets `active`, which frees the citizen's quota place;
// only the caller whose write matched gives back the booking's seat, so it is returned exactly
// once however many cancels, sweeps or calls race. A booking stored without `active`
// (never counted) gives nothing back.
import type { QueryFilter } from 'mongoose';
import { AppointmentModel, type Appointment } from '../../models/appointment.ts';
import { giveBackSeat } from './seats.ts';
import type { AppointmentRecord } from './book.ts';

type EndedStatus = 'cancelled' | 'no_show' | 'served';

/** Ends the booking matching `filter` (which names the status expected); null when none matched. */
export async function endBooking(
  filter: QueryFilter<Appointment> & { status: 'booked' | 'checked_in' },
  set: { status: EndedStatus; cancelledAt?: Date },
): Promise<AppointmentRecord | null> {
  const before = await AppointmentModel.findOneAndUpdate(filter, { $set: set, $unset: { active: 1 } }, { returnDocument: 'before' }).lean<AppointmentRecord>();
  if (!before) return null;
  if (before.active) await giveBackSeat(before.slotId);
  const { active: _held, ...rest } = before;
  return { ...rest, ...set };
}
