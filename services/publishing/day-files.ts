// The files under PUBLISH_DIR the county website picks up: one per listing day of the window
// (progress/<date>.json, newest accepted first), the index of days and the figures. Only the
// days a tick changed are rewritten (all of them after the view was rebuilt, or in a new directory).
import path from 'node:path';
import { config } from '../../server/config.ts';
import { dayFile, exists, removeDayFilesBefore, writeBuffersAtomic, writeJsonAtomic } from './files.ts';
import type { PublishedView } from './view.ts';

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

export interface FileWindow {
  windowStart: string;
  today: string;
  stats: object;
  now: Date;
}

/** Rewrites the `changed` day files (every day for null), the index and the figures; answers how many files were written and removed. */
export async function writeFiles(view: PublishedView, changed: Set<string> | null, window: FileWindow) {
  const { windowStart, today, now } = window;
  const dir = path.resolve(config.PUBLISH_DIR);
  const indexFile = path.join(dir, 'index.json');
  const rewrite = changed && (await exists(indexFile)) ? changed : new Set(view.days.keys());
  for (const date of rewrite) await writeDay(view, dir, date); // one at a time: one day's bytes in flight
  const removed = await removeDayFilesBefore(dir, windowStart);
  const days = [...view.days].filter(([, rows]) => rows.length > 0).sort((a, b) => (a[0] < b[0] ? 1 : -1));
  await writeJsonAtomic(path.join(dir, 'stats.json'), { generatedAt: now.toISOString(), ...window.stats });
  await writeJsonAtomic(indexFile, {
    generatedAt: now.toISOString(),
    from: windowStart,
    to: today,
    days: days.map(([date, rows]) => ({ date, count: rows.length, file: `progress/${date}.json` })),
  });
  return { written: rewrite.size + 2, removed };
}

/** Written as JSON.stringify({ date, items }) would write it, from each row's own bytes. */
function writeDay(view: PublishedView, dir: string, date: string): Promise<void> {
  const parts: Buffer[] = [Buffer.from(`{"date":${JSON.stringify(date)},"items":[`)];
  for (const [index, row] of (view.days.get(date) ?? []).entries()) {
    if (index > 0) parts.push(COMMA);
    parts.push(view.bytesOf(row));
  }
  parts.push(CLOSE);
  return writeBuffersAtomic(dayFile(dir, date), parts);
}
