// Each instance's in-memory copy of 办件公示: rows changed since the last copy (by stamp)
// are fetched on a timer, so /public/progress and /public/stats never query per request.
import { PublishedCaseModel, PublishStateModel, type PublishedCase } from '../../models/published-case.ts';
import { logger } from '../../server/logger.ts';
import type { PublishedStats } from './figures.ts';
import { presentPublicCase, type PublicRow } from './row.ts';

type Shown = ReturnType<typeof presentPublicCase> & { pubDate: string };

const REFRESH_MS = 5_000;
const rows = new Map<string, Shown>();
let stamp = 0;
let windowStart: string | null = null;
let stats: PublishedStats | null = null;
let listed: Shown[] | null = null;
let timer: NodeJS.Timeout | undefined;
let firstLoad: Promise<void> | undefined;

/** Copies what the publishing job wrote since the last refresh. */
export async function refreshPublishedCache(): Promise<void> {
  const state = await PublishStateModel.findById('progress', { stamp: 1, windowStart: 1, stats: 1 }).lean();
  if (!state) return;
  stats = state.stats as PublishedStats;
  if (state.windowStart !== windowStart) listed = null;
  windowStart = state.windowStart ?? null;
  if (state.stamp === stamp) return;
  // The first copy needs only listed rows; later copies take every change (a row may leave the window).
  const filter = stamp === 0 && windowStart ? { stamp: { $gt: 0 }, pubDate: { $gte: windowStart }, removed: false } : { stamp: { $gt: stamp } };
  for await (const row of PublishedCaseModel.find(filter).lean().cursor({ batchSize: 2000 })) {
    const id = String(row._id);
    if (row.removed) rows.delete(id);
    else rows.set(id, { ...presentPublicCase(row as PublishedCase & PublicRow), pubDate: row.pubDate });
  }
  stamp = state.stamp;
  listed = null;
}

async function ensureLoaded(): Promise<void> {
  if (timer) return;
  firstLoad ??= refreshPublishedCache().finally(() => startPublishedCache());
  await firstLoad;
}

/** Listed cases, newest first (by listing day, then acceptance). */
export async function publishedCases(): Promise<Shown[]> {
  await ensureLoaded();
  listed ??= [...rows.values()]
    .filter((r) => !windowStart || r.pubDate >= windowStart)
    .sort((a, b) => b.pubDate.localeCompare(a.pubDate) || b.acceptedDate.localeCompare(a.acceptedDate) || a.id.localeCompare(b.id));
  return listed;
}

export async function publishedStats(): Promise<PublishedStats | null> {
  await ensureLoaded();
  return stats;
}

export function startPublishedCache(intervalMs = REFRESH_MS): () => void {
  if (timer) return stopPublishedCache;
  timer = setInterval(() => {
    refreshPublishedCache().catch((error: unknown) => logger.warn({ err: error }, 'published cache refresh failed; serving the last copy'));
  }, intervalMs);
  timer.unref();
  return stopPublishedCache;
}

/** Stops the timer and forgets everything (tests switching databases). */
export function stopPublishedCache(): void {
  clearInterval(timer);
  timer = undefined;
  firstLoad = undefined;
  rows.clear();
  stamp = 0;
  windowStart = null;
  stats = null;
  listed = null;
}
