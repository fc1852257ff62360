// Marks bookings nobody checked in as no-shows (which gives back their seat and frees their quota place),
// and bans booking for citizens who reach the no-show limit within the window.
import type { Types } from 'mongoose';
import { AppointmentModel } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { config } from '../../server/config.ts';
import { endBooking } from './end.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const BATCH = 2000;

/** One batch: bookings still `booked` at slot end + grace become `no_show`. */
export async function markNoShows(now: Date): Promise<{ marked: number; banned: number }> {
  const endedBefore = new Date(now.getTime() - config.NO_SHOW_GRACE_MINUTES * MINUTE_MS);
  const overdue = await AppointmentModel.find({ status: 'booked', endsAt: { $lt: endedBefore } }, { citizenId: 1 })
    .limit(BATCH)
    .lean();
  let marked = 0;
  const citizens = new Map<string, Types.ObjectId>();
  for (const appointment of overdue) {
    if (!(await endBooking({ _id: appointment._id, status: 'booked' }, { status: 'no_show' }))) continue;
    marked += 1;
    citizens.set(String(appointment.citizenId), appointment.citizenId);
  }
  let banned = 0;
  for (const citizenId of citizens.values()) banned += (await banIfOverLimit(citizenId, now)) ? 1 : 0;
  return { marked, banned };
}

/** Bans booking for BOOKING_BAN_DAYS when the citizen has NO_SHOW_LIMIT no-shows in the window. */
async function banIfOverLimit(citizenId: Types.ObjectId, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - config.NO_SHOW_WINDOW_DAYS * DAY_MS);
  const noShows = await AppointmentModel.countDocuments({ citizenId, status: 'no_show', startsAt: { $gte: since } });
  if (noShows < config.NO_SHOW_LIMIT) return false;
  const bannedUntil = new Date(now.getTime() + config.BOOKING_BAN_DAYS * DAY_MS);
  const result = await CitizenModel.updateOne({ _id: citizenId, $or: [{ bannedUntil: null }, { bannedUntil: { $lt: now } }] }, { $set: { bannedUntil } });
  return result.modifiedCount === 1;
}
