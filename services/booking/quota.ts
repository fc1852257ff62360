// The citizen's side of a booking. A citizen may book at all when verified and not banned at
// `now` (read with the booking's first step), and holds at most MAX_ACTIVE_BOOKINGS active
// bookings: each active appointment holds one numbered place of its citizen (`quotaPlace`,
// 0 … MAX-1), and a partial unique index on (citizen, place) over active appointments makes two
// bookings holding one place impossible. A booking stores a place its citizen's active bookings
// leave free; a racing request of the same citizen that picked it too collides on the index and
// tries again. Ending a booking unsets `active`, which frees its place: nothing to give back.
import type { Types } from 'mongoose';
import { CitizenModel } from '../../models/citizen.ts';
import { config } from '../../server/config.ts';

/** What deciding whether the citizen may book needs of them. */
export const readBookingCitizen = (citizenId: Types.ObjectId) => CitizenModel.findById(citizenId, { verified: 1, bannedUntil: 1 }).lean();

/** A quota place the active bookings `held` leave free, or null when all are taken. */
export function freeQuotaPlace(held: readonly { quotaPlace?: number | null }[]): number | null {
  if (held.length >= config.MAX_ACTIVE_BOOKINGS) return null;
  const taken = new Set(held.map((a) => a.quotaPlace));
  for (let place = 0; ; place += 1) if (!taken.has(place)) return place;
}
