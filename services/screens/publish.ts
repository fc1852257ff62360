// Writes each hall's snapshot to screen_snapshots; an unchanged hall is not rewritten, so its
// ETag stays and screens get 304s.
import { createHash } from 'node:crypto';
import { ScreenSnapshotModel } from '../../models/screen-snapshot.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { buildHallSnapshot } from './build.ts';

/** Strong ETag of an answer body. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Every hall with at least one window. */
export function hallCodes(catalogue: CatalogueSnapshot): string[] {
  const windows = catalogue.windowsByCode.values();
  return [...new Set([...windows].map((w) => w.hallCode))].sort();
}

/** Rebuilds every hall's snapshot; returns how many halls changed. */
export async function rebuildScreenSnapshots(now: Date, catalogue: CatalogueSnapshot): Promise<{ halls: number; changed: number }> {
  const halls = hallCodes(catalogue);
  const stored = new Map((await ScreenSnapshotModel.find({}, { etag: 1 }).lean()).map((s) => [s._id, s.etag]));
  let changed = 0;
  for (const hallCode of halls) {
    const body = JSON.stringify(await buildHallSnapshot(hallCode, now, catalogue));
    const etag = etagOf(body);
    if (stored.get(hallCode) === etag) continue;
    await ScreenSnapshotModel.updateOne({ _id: hallCode }, { $set: { body, etag, builtAt: now } }, { upsert: true });
    changed++;
  }
  return { halls: halls.length, changed };
}
