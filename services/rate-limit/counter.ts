// Fixed-window counts shared by every instance: the window's counter document is bumped with
// one atomic upserting $inc (models/counter.ts), so never more than `limit` of concurrent
// requests fit.
import { deleteCounter, readCounter, tallyCounter } from '../../models/counter.ts';
import { retainUntil } from '../../server/retention.ts';

export interface WindowCount {
  /** Events counted in the current window (this one included, when counting). */
  count: number;
  endsAt: Date;
  /** Seconds until the window ends (for Retry-After), at least 1. */
  retryAfterSeconds: number;
}

function windowOf(key: string, windowSeconds: number, now: Date) {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const endsAt = new Date(start + windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000));
  return { id: `rate:${key}:${new Date(start).toISOString()}`, endsAt, retryAfterSeconds };
}

/** Counts one event for `key` in its current window of `windowSeconds`. */
export async function countInWindow(key: string, windowSeconds: number, now = new Date()): Promise<WindowCount> {
  const window = windowOf(key, windowSeconds, now);
  // Kept for what is left of the window by either clock: the window's id names its start, so a
  // counter outliving the window never counts into the next one.
  const count = await tallyCounter(window.id, retainUntil(now, window.endsAt.getTime() - now.getTime()));
  return { count, endsAt: window.endsAt, retryAfterSeconds: window.retryAfterSeconds };
}

/** The current window's count for `key`, without counting. */
export async function peekWindow(key: string, windowSeconds: number, now = new Date()): Promise<WindowCount> {
  const window = windowOf(key, windowSeconds, now);
  return { count: await readCounter(window.id), endsAt: window.endsAt, retryAfterSeconds: window.retryAfterSeconds };
}

/** Forgets the current window's count for `key`. */
export async function resetWindow(key: string, windowSeconds: number, now = new Date()): Promise<void> {
  await deleteCounter(windowOf(key, windowSeconds, now).id);
}
