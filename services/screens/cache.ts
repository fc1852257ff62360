// Each instance's in-memory copy of the screen snapshots. Polls read only this; a timer
// refreshes it from screen_snapshots (fetching a body only when its ETag changed).
import { ScreenSnapshotModel } from '../../models/screen-snapshot.ts';
import { config } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';

/** `body` is kept encoded, so a poll sends bytes without converting a string each time. */
export interface CachedSnapshot { body: Buffer; etag: string }

const snapshots = new Map<string, CachedSnapshot>();
let timer: NodeJS.Timeout | undefined;
let firstLoad: Promise<void> | undefined;

/** Copies changed snapshots from the database into memory. */
export async function refreshScreenCache(): Promise<void> {
  const heads = await ScreenSnapshotModel.find({}, { etag: 1 }).lean();
  const stale = heads.filter((h) => snapshots.get(h._id)?.etag !== h.etag).map((h) => h._id);
  if (stale.length > 0) {
    for (const s of await ScreenSnapshotModel.find({ _id: { $in: stale } }).lean()) snapshots.set(s._id, { body: Buffer.from(s.body, 'utf8'), etag: s.etag });
  }
  const present = new Set(heads.map((h) => h._id));
  for (const hall of snapshots.keys()) if (!present.has(hall)) snapshots.delete(hall);
}

/** The snapshot of `hallCode` from memory; the first call of a process loads and starts the timer. */
export async function cachedSnapshot(hallCode: string): Promise<CachedSnapshot | undefined> {
  if (!timer) {
    firstLoad ??= refreshScreenCache().finally(() => startScreenCache());
    await firstLoad;
  }
  return snapshots.get(hallCode);
}

/** Starts the refresh timer (every SCREEN_REFRESH_SECONDS); returns a stop function. */
export function startScreenCache(intervalMs = config.SCREEN_REFRESH_SECONDS * 1000): () => void {
  if (timer) return stopScreenCache;
  timer = setInterval(() => {
    refreshScreenCache().catch((error: unknown) => logger.warn({ err: error }, 'screen cache refresh failed; serving the last copy'));
  }, intervalMs);
  timer.unref();
  return stopScreenCache;
}

/** Stops the timer and forgets every snapshot (tests switching databases). */
export function stopScreenCache(): void {
  clearInterval(timer);
  timer = undefined;
  firstLoad = undefined;
  snapshots.clear();
}
