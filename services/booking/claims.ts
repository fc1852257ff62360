// Booking claims (models/booking-claim.ts): inserting a document whose `_id` is the key is the
// atomic "take"; a duplicate key means someone holds it already.
import type { Types } from 'mongoose';
import { AppointmentModel, ACTIVE_APPOINTMENT_STATUSES } from '../../models/appointment.ts';
import { BookingClaimModel } from '../../models/booking-claim.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

/** A claim whose booking is not active is stale after this long (a crash between steps). */
export const STALE_CLAIM_MS = 60_000;

export const dayClaimKey = (citizenId: string, itemCode: string, date: string) => `day:${citizenId}:${itemCode}:${date}`;
const activeClaimKey = (citizenId: string, n: number) => `active:${citizenId}:${n}`;

type Kind = 'day' | 'active';

/** Takes claim `key` for `appointmentId`; false when it is held (a stale one is cleared and retried once). */
export async function takeClaim(key: string, kind: Kind, citizenId: string, appointmentId: Types.ObjectId, now = new Date()): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await BookingClaimModel.create({ _id: key, kind, citizenId, appointmentId, createdAt: now });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (!(await clearIfStale(key, now))) return false;
    }
  }
  return false;
}

/** Takes one of the citizen's `limit` active-booking claims; false when all are held. */
export async function takeActiveQuota(citizenId: string, appointmentId: Types.ObjectId, limit: number, now = new Date()): Promise<boolean> {
  for (let n = 0; n < limit; n += 1) {
    if (await takeClaim(activeClaimKey(citizenId, n), 'active', citizenId, appointmentId, now)) return true;
  }
  return false;
}

/** Releases the day and quota claims of a booking that stopped being active. */
export async function releaseBookingClaims(appointmentId: Types.ObjectId): Promise<void> {
  await BookingClaimModel.deleteMany({ appointmentId });
}

/** Deletes `key` when its booking is not active and it is older than STALE_CLAIM_MS. */
async function clearIfStale(key: string, now: Date): Promise<boolean> {
  const claim = await BookingClaimModel.findById(key).lean();
  if (!claim) return true;
  if (now.getTime() - claim.createdAt.getTime() < STALE_CLAIM_MS) return false;
  const active = await AppointmentModel.exists({ _id: claim.appointmentId, status: { $in: ACTIVE_APPOINTMENT_STATUSES } });
  if (active) return false;
  const removed = await BookingClaimModel.deleteOne({ _id: key, appointmentId: claim.appointmentId });
  return removed.deletedCount === 1;
}
