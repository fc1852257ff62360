// The citizen's side of a booking: one guarded $inc on the citizen decides, at once, that they
// may book at all (verified, not banned at `now`) and that they hold fewer than
// MAX_ACTIVE_BOOKINGS active bookings; the opposite $inc gives the unit back. Neither touches
// `updatedAt`, so a unit taken and given back by a refused request leaves no trace.
import type { Types } from 'mongoose';
import { CitizenModel } from '../../models/citizen.ts';
import { config } from '../../server/config.ts';

/** Takes one unit of the citizen's booking quota; false when the guard did not hold. */
export async function takeQuota(citizenId: Types.ObjectId, now: Date): Promise<boolean> {
  const taken = await CitizenModel.updateOne(
    // `$not: {$gt}` also matches a missing or null field: never banned, or no counter yet.
    { _id: citizenId, verified: true, bannedUntil: { $not: { $gt: now } }, activeBookings: { $not: { $gte: config.MAX_ACTIVE_BOOKINGS } } },
    { $inc: { activeBookings: 1 } },
    { timestamps: false },
  );
  return taken.modifiedCount === 1;
}

/** Gives back a unit taken by `takeQuota` (once per unit; the caller's guard ensures it). */
export async function giveBackQuota(citizenId: Types.ObjectId): Promise<void> {
  await CitizenModel.updateOne({ _id: citizenId, activeBookings: { $gt: 0 } }, { $inc: { activeBookings: -1 } }, { timestamps: false });
}

/** What the refusals need of the citizen. */
export const readBookingCitizen = (citizenId: Types.ObjectId) => CitizenModel.findById(citizenId, { verified: 1, bannedUntil: 1, activeBookings: 1 }).lean();
