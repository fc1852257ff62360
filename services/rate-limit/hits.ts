// Sliding-window event counts shared by every instance through the database.
import { RateHitModel } from '../../models/rate-hit.ts';

/** Records one event for `key` and answers how many fell in the last `windowMs` (this one included). */
export async function recordHit(key: string, windowMs: number, now = new Date()): Promise<number> {
  await RateHitModel.create({ key, at: now });
  return countHits(key, windowMs, now);
}

export function countHits(key: string, windowMs: number, now = new Date()): Promise<number> {
  return RateHitModel.countDocuments({ key, at: { $gt: new Date(now.getTime() - windowMs) } });
}

/** The instant the oldest counted hit leaves the window (for Retry-After). */
export async function windowFreesAt(key: string, windowMs: number, now = new Date()): Promise<Date> {
  const oldest = await RateHitModel.findOne({ key, at: { $gt: new Date(now.getTime() - windowMs) } }).sort({ at: 1 }).lean();
  return new Date((oldest?.at ?? now).getTime() + windowMs);
}

export async function clearHits(key: string): Promise<void> {
  await RateHitModel.deleteMany({ key });
}

/** Removes hits older than `maxAgeMs` (a job does this; FerretDB has no TTL indexes). */
export async function purgeHits(maxAgeMs: number, now = new Date()): Promise<number> {
  const { deletedCount } = await RateHitModel.deleteMany({ at: { $lt: new Date(now.getTime() - maxAgeMs) } });
  return deletedCount;
}
