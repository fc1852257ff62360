// Each instance's in-memory copy of the screen snapshots. Polls read only this; a timer
// refreshes it from screen_snapshots (fetching a body only when its ETag changed).
import { ScreenSnapshotModel } from '../../models/screen-snapshot.ts';
import { logger } from '../../server/logger.ts';

/** `body` is kept encoded, so a poll sends bytes without converting a string each time. */
export interface CachedSnapshot {
  body: Buffer;
  etag: string;
}

/** One instance's copy of every hall's snapshot; server/index.ts creates, starts and stops it. */
export interface ScreenCache {
  /** The snapshot of `hallCode` from memory. */
  snapshot(hallCode: string): CachedSnapshot | undefined;
  /** Copies changed snapshots from the database into memory. */
  refresh(): Promise<void>;
  /** Loads every snapshot, then refreshes every `refreshMs`. */
  start(): Promise<void>;
  stop(): void;
}

/** A screen cache that re-reads changed snapshots every `refreshMs` once started. */
export function createScreenCache(refreshMs: number): ScreenCache {
  const snapshots = new Map<string, CachedSnapshot>();
  let timer: NodeJS.Timeout | undefined;

  const refresh = async () => {
    const heads = await ScreenSnapshotModel.find({}, { etag: 1 }).lean();
    const stale = heads.filter((h) => snapshots.get(h._id)?.etag !== h.etag).map((h) => h._id);
    if (stale.length > 0) {
      for (const s of await ScreenSnapshotModel.find({ _id: { $in: stale } }).lean()) snapshots.set(s._id, { body: Buffer.from(s.body, 'utf8'), etag: s.etag });
    }
    const present = new Set(heads.map((h) => h._id));
    for (const hall of snapshots.keys()) if (!present.has(hall)) snapshots.delete(hall);
  };

  return {
    snapshot: (hallCode) => snapshots.get(hallCode),
    refresh,
    async start() {
      await refresh();
      clearInterval(timer);
      timer = setInterval(() => {
        refresh().catch((error: unknown) => logger.warn({ err: error }, 'screen cache refresh failed; serving the last copy'));
      }, refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
