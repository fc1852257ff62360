// What /public/progress and /public/stats serve: the in-memory ledger, synced on a timer
// (only versions newer than this copy are read), and the figures the job last published.
import { PublishStateModel } from '../../models/published-case.ts';
import { logger } from '../../server/logger.ts';
import type { PublishedStats } from './figures.ts';
import { ledgerGeneration, ledgerRows, resetLedger, syncLedger } from './ledger.ts';
import { presentPublicCase } from './row.ts';

type Shown = ReturnType<typeof presentPublicCase>;

const REFRESH_MS = 5_000;
let windowStart: string | null = null;
let stats: PublishedStats | null = null;
let listed: { generation: number; windowStart: string | null; rows: Shown[] } | null = null;
let timer: NodeJS.Timeout | undefined;
let firstLoad: Promise<void> | undefined;

/** Copies what the publishing job wrote since the last refresh. */
export async function refreshPublishedCache(): Promise<void> {
  const state = await PublishStateModel.findById('progress', { stats: 1, windowStart: 1, stamp: 1 }).lean();
  if (!state) return;
  await syncLedger(state.stamp);
  stats = state.stats as PublishedStats;
  windowStart = state.windowStart ?? null;
}

async function ensureLoaded(): Promise<void> {
  if (timer) return;
  firstLoad ??= refreshPublishedCache().finally(() => startPublishedCache());
  await firstLoad;
}

/** Listed cases (listing day within the window), newest first. */
export async function publishedCases(): Promise<Shown[]> {
  await ensureLoaded();
  if (!listed || listed.generation !== ledgerGeneration() || listed.windowStart !== windowStart) {
    const from = windowStart ?? '';
    const rows = [...ledgerRows()]
      .filter((r) => r.pubDate >= from)
      .sort((a, b) => b.pubDate.localeCompare(a.pubDate) || b.acceptedDate.localeCompare(a.acceptedDate) || a.caseId.localeCompare(b.caseId));
    listed = { generation: ledgerGeneration(), windowStart, rows: rows.map((row) => presentPublicCase({ ...row, _id: row.caseId })) };
  }
  return listed.rows;
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
  windowStart = null;
  stats = null;
  listed = null;
  resetLedger();
}
