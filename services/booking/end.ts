// Ending a booking (cancelled, no-show, served). One guarded findOneAndUpdate changes the status
// from the one the caller expects and unsets `active`; only the caller whose write matched gives
// back what the booking held — its seat and the citizen's quota unit — so each is returned
// exactly once however many cancels, sweeps or calls race. A booking stored without `active`
// (never counted) gives nothing back.
import type { QueryFilter } from 'mongoose';
import { AppointmentModel, type Appointment } from '../../models/appointment.ts';
import { giveBackQuota } from './quota.ts';
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
  if (before.active) await Promise.all([giveBackSeat(before.slotId), giveBackQuota(before.citizenId)]);
  const { active: _held, ...rest } = before;
  return { ...rest, ...set };
}
