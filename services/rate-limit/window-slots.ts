// Fixed-window request limits shared by every instance: a request takes the next free place
// n < limit of its window by inserting `<key>:<window>:<n>`. Each instance hands out place
// numbers from its own counter before inserting (synchronously, so a thousand concurrent
// requests in one process try a thousand different places), so the usual cost is one insert;
// places taken by other instances cost one duplicate-key answer each.
import { RateSlotModel } from '../../models/rate-slot.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

const nextPlace = new Map<string, number>();

export interface WindowVerdict {
  allowed: boolean;
  /** Seconds until the window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/** Counts one request against `limit` per `windowSeconds` for `key`. */
export async function takePlace(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<WindowVerdict> {
  const windowMs = windowSeconds * 1000;
  const window = Math.floor(now.getTime() / windowMs);
  const windowEnd = (window + 1) * windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000));
  const windowKey = `${key}:${window}`;
  forgetOldWindows(window, windowMs);
  for (let place = reserve(windowKey); place < limit; place = reserve(windowKey)) {
    try {
      await RateSlotModel.create({ _id: `${windowKey}:${place}`, expiresAt: new Date(windowEnd) });
      return { allowed: true, retryAfterSeconds };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return { allowed: false, retryAfterSeconds };
}

/** Removes places of ended windows (a job; FerretDB has no TTL indexes). */
export async function purgeRateSlots(now = new Date()): Promise<number> {
  const { deletedCount } = await RateSlotModel.deleteMany({ expiresAt: { $lt: now } });
  return deletedCount;
}

/** The next place number this instance has not tried yet in `windowKey`. */
function reserve(windowKey: string): number {
  const place = nextPlace.get(windowKey) ?? 0;
  nextPlace.set(windowKey, place + 1);
  return place;
}

let lastSweep = 0;
/** Keeps the per-instance memory bounded: drop entries of windows that have ended. */
function forgetOldWindows(currentWindow: number, windowMs: number): void {
  if (nextPlace.size < 10_000 || Date.now() - lastSweep < windowMs) return;
  lastSweep = Date.now();
  for (const key of nextPlace.keys()) {
    if (Number(key.slice(key.lastIndexOf(':') + 1)) < currentWindow) nextPlace.delete(key);
  }
}
